"""A second, independent Avro implementation (fastavro) over the .avsc files alone, for the cross-implementation test.

    python3 fastavro_codec.py SCHEMAS_DIR fingerprints        -> JSON lines {name, set, fingerprint}
    python3 fastavro_codec.py SCHEMAS_DIR decode  < hex lines  -> JSON lines {name, fingerprint, event}
    python3 fastavro_codec.py SCHEMAS_DIR encode [SET] < JSON lines {name, event} -> hex lines

Schema set N is, for each name, its file in the highest folder vN/ at or below N (schemas/README.md). Bytes are
{"$bytes": hex} in JSON. Single-object encoding: C3 01, CRC-64-AVRO of the writer's canonical form, body.
"""
import io
import json
import os
import re
import sys

from fastavro import schemaless_reader, schemaless_writer
from fastavro.repository.base import AbstractSchemaRepository, SchemaRepositoryError
from fastavro.schema import fingerprint, load_schema, to_parsing_canonical_form

MARKER = b"\xc3\x01"


class SchemaSetRepository(AbstractSchemaRepository):
    """Resolves a full name to its file in schema set `set_version`."""

    def __init__(self, root, set_version):
        self.root = root
        self.set_version = set_version

    def load(self, name):
        short = name.rsplit(".", 1)[-1]
        for version in range(self.set_version, 0, -1):
            path = os.path.join(self.root, f"v{version}", f"{short}.avsc")
            if os.path.exists(path):
                with open(path, encoding="utf-8") as f:
                    return json.load(f)
        raise SchemaRepositoryError(f"no file for {name} in set {self.set_version}")


def schema_sets(root):
    versions = sorted(int(d[1:]) for d in os.listdir(root) if re.fullmatch(r"v\d+", d))
    for set_version in versions:
        repo = SchemaSetRepository(root, set_version)
        names = set()
        for version in versions:
            if version <= set_version:
                for file in os.listdir(os.path.join(root, f"v{version}")):
                    if file.endswith(".avsc"):
                        with open(os.path.join(root, f"v{version}", file), encoding="utf-8") as f:
                            schema = json.load(f)
                        names.add(f"{schema['namespace']}.{schema['name']}")
        for name in sorted(names):
            parsed = load_schema(name, repo=repo)
            fp = fingerprint(to_parsing_canonical_form(parsed), "CRC-64-AVRO")
            yield set_version, name, parsed, fp


def to_json(value):
    if isinstance(value, bytes):
        return {"$bytes": value.hex()}
    if isinstance(value, dict):
        return {k: to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def from_json(value):
    if isinstance(value, dict):
        if set(value) == {"$bytes"}:
            return bytes.fromhex(value["$bytes"])
        return {k: from_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [from_json(v) for v in value]
    return value


def main(root, command, *args):
    sets = list(schema_sets(root))
    newest = max(s for s, _, _, _ in sets)
    current = {name: parsed for s, name, parsed, _ in sets if s == newest}
    if command == "fingerprints":
        for set_version, name, _, fp in sets:
            print(json.dumps({"name": name, "set": set_version, "fingerprint": fp}))
    elif command == "decode":
        writers = {fp: (name, parsed) for _, name, parsed, fp in sets}
        for line in sys.stdin:
            record = bytes.fromhex(line.strip())
            if record[:2] != MARKER:
                raise SystemExit(f"bad marker {record[:2].hex()}")
            fp = record[2:10].hex()
            if fp not in writers:
                raise SystemExit(f"unknown fingerprint {fp}")
            name, writer = writers[fp]
            event = schemaless_reader(io.BytesIO(record[10:]), writer, current[name])
            print(json.dumps({"name": name, "fingerprint": fp, "event": to_json(event)}, ensure_ascii=False))
    elif command == "encode":
        set_version = int(args[0]) if args else newest
        chosen = {name: (parsed, fp) for s, name, parsed, fp in sets if s <= set_version}
        for line in sys.stdin:
            item = json.loads(line)
            parsed, fp = chosen[item["name"]]
            out = io.BytesIO()
            out.write(MARKER + bytes.fromhex(fp))
            schemaless_writer(out, parsed, from_json(item["event"]))
            print(out.getvalue().hex())
    else:
        raise SystemExit(__doc__)


if __name__ == "__main__":
    main(*sys.argv[1:])
