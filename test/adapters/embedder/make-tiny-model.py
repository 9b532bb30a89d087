"""Writes a tiny transformer-shaped model folder for the transformers embedder's tests and benchmark:
onnx/model.onnx with a BERT-style signature (input_ids, attention_mask, token_type_ids → last_hidden_state
[batch, seq, dim]), a Unigram tokenizer.json (as XLM-R and multilingual MiniLM use), tokenizer_config.json
and config.json. Usage: python3 make-tiny-model.py OUT_DIR [DIM]. Deterministic (fixed seed)."""
import json
import os
import sys

import numpy as np
import onnx
from onnx import TensorProto, helper, numpy_helper

WORDS = ("fire flame heat ash silence quiet life step door breath wind sea forest light dark "
         "огонь пламя жар пепел тишина жизнь шаг дверь дыхание ветер море лес свет тьма вход страх").split()
PIECES = sorted(set(WORDS) | {w[:k] for w in WORDS for k in range(1, len(w))} | set("".join(WORDS)))
SPECIAL = ["<s>", "<pad>", "</s>", "<unk>"]


def tokenizer(vocab: list[str]) -> dict:
    # Whole words are likelier than their pieces, so Unigram prefers them; single letters catch the rest.
    scored = [[t, 0.0] for t in SPECIAL] + [["▁", -3.0]]
    scored += [["▁" + p if p in WORDS else p, -2.0 if p in WORDS else -4.0 - 0.5 * (len(p) < 2)] for p in vocab]
    return {
        "version": "1.0",
        "truncation": None,
        "padding": None,
        "added_tokens": [{"id": i, "content": t, "single_word": False, "lstrip": False, "rstrip": False,
                          "normalized": False, "special": True} for i, t in enumerate(SPECIAL)],
        "normalizer": {"type": "Sequence", "normalizers": [{"type": "NFKC"}, {"type": "Lowercase"}]},
        "pre_tokenizer": {"type": "Metaspace", "replacement": "▁", "add_prefix_space": True},
        "post_processor": {"type": "TemplateProcessing",
                           "single": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                      {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                           "pair": [{"SpecialToken": {"id": "<s>", "type_id": 0}}, {"Sequence": {"id": "A", "type_id": 0}},
                                    {"SpecialToken": {"id": "</s>", "type_id": 0}}, {"Sequence": {"id": "B", "type_id": 0}},
                                    {"SpecialToken": {"id": "</s>", "type_id": 0}}],
                           "special_tokens": {t: {"id": t, "ids": [i], "tokens": [t]} for i, t in enumerate(SPECIAL) if t in ("<s>", "</s>")}},
        "decoder": {"type": "Metaspace", "replacement": "▁", "add_prefix_space": True},
        "model": {"type": "Unigram", "unk_id": 3, "vocab": scored},
    }


def model(vocab_size: int, dim: int, seed: int = 7) -> onnx.ModelProto:
    """Embedding look-up (+ token type) → linear → tanh, masked: the interface of a BERT encoder in a few ops."""
    rng = np.random.default_rng(seed)
    inits = [
        numpy_helper.from_array(rng.standard_normal((vocab_size, dim)).astype(np.float32), "word_embeddings"),
        numpy_helper.from_array(rng.standard_normal((2, dim)).astype(np.float32) * 0.1, "type_embeddings"),
        numpy_helper.from_array((rng.standard_normal((dim, dim)) / np.sqrt(dim)).astype(np.float32), "dense"),
        numpy_helper.from_array(np.array([-1], dtype=np.int64), "last_axis"),
    ]
    nodes = [
        helper.make_node("Gather", ["word_embeddings", "input_ids"], ["words"]),
        helper.make_node("Gather", ["type_embeddings", "token_type_ids"], ["types"]),
        helper.make_node("Add", ["words", "types"], ["embedded"]),
        helper.make_node("MatMul", ["embedded", "dense"], ["projected"]),
        helper.make_node("Tanh", ["projected"], ["activated"]),
        helper.make_node("Cast", ["attention_mask"], ["mask_f"], to=TensorProto.FLOAT),
        helper.make_node("Unsqueeze", ["mask_f", "last_axis"], ["mask3"]),
        helper.make_node("Mul", ["activated", "mask3"], ["last_hidden_state"]),
    ]
    ids = lambda name: helper.make_tensor_value_info(name, TensorProto.INT64, ["batch", "sequence"])
    graph = helper.make_graph(
        nodes, "tiny_minilm", [ids("input_ids"), ids("attention_mask"), ids("token_type_ids")],
        [helper.make_tensor_value_info("last_hidden_state", TensorProto.FLOAT, ["batch", "sequence", dim])], inits)
    # onnxruntime-node 1.14 (the one transformers.js 2.17 installs) reads IR version 8 with opset 13.
    m = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 13)], producer_name="hyperbridge-tests")
    m.ir_version = 8
    onnx.checker.check_model(m)
    return m


def main() -> None:
    out = sys.argv[1]
    dim = int(sys.argv[2]) if len(sys.argv) > 2 else 32
    tok = tokenizer(PIECES)
    os.makedirs(os.path.join(out, "onnx"), exist_ok=True)
    onnx.save(model(len(tok["model"]["vocab"]), dim), os.path.join(out, "onnx", "model.onnx"))
    files = {
        "tokenizer.json": tok,
        "tokenizer_config.json": {"tokenizer_class": "XLMRobertaTokenizer", "model_max_length": 128, "bos_token": "<s>",
                                  "eos_token": "</s>", "unk_token": "<unk>", "pad_token": "<pad>", "cls_token": "<s>",
                                  "sep_token": "</s>", "mask_token": "<unk>", "do_lower_case": True},
        "config.json": {"model_type": "bert", "architectures": ["BertModel"], "hidden_size": dim, "vocab_size": len(tok["model"]["vocab"]),
                        "num_hidden_layers": 1, "num_attention_heads": 1, "max_position_embeddings": 128, "type_vocab_size": 2},
    }
    for name, content in files.items():
        with open(os.path.join(out, name), "w", encoding="utf8") as f:
            json.dump(content, f, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
