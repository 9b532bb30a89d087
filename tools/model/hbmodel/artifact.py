"""The artifact format (documented in models/README.md), written little-endian:

  magic "HBSM" | u32 format version (1) | u32 header length H | H bytes of UTF-8 JSON header (space-padded so
  that the vector block starts at a multiple of 4) | count×dim int8 vectors | count float32 scales |
  count uint8 Zipf frequencies (×10, 0 = unknown) | vocabulary: count UTF-8 keys joined by "\\n".

A key is a Russian or English lemma (lower case, ё folded to е) or an emoji without modifiers.
Vector i ≈ int8[i] × scale[i], unit length before quantisation."""
import json
import struct

import numpy as np

MAGIC = b"HBSM"
FORMAT_VERSION = 1


def write_artifact(path: str, keys: list[str], vectors: np.ndarray, zipf: np.ndarray, header: dict) -> None:
    assert vectors.shape[0] == len(keys) and all("\n" not in k for k in keys)
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    q = np.clip(np.rint(vectors / scale[:, None]), -127, 127).astype(np.int8)
    head = json.dumps({**header, "dim": int(vectors.shape[1]), "count": len(keys)}, ensure_ascii=False, sort_keys=True).encode()
    head += b" " * ((-(12 + len(head))) % 4)
    with open(path, "wb") as f:
        f.write(MAGIC + struct.pack("<II", FORMAT_VERSION, len(head)) + head)
        f.write(q.tobytes())
        f.write(scale.astype("<f4").tobytes())
        f.write(np.clip(np.rint(zipf * 10), 0, 255).astype(np.uint8).tobytes())
        f.write("\n".join(keys).encode())


def dequantised(vectors: np.ndarray) -> np.ndarray:
    """What the loader will see: the evaluation during the build measures the int8 model, not the float one."""
    vectors = vectors / np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-12)
    scale = np.abs(vectors).max(axis=1) / 127.0
    scale[scale == 0] = 1.0
    return np.clip(np.rint(vectors / scale[:, None]), -127, 127) * scale[:, None]
