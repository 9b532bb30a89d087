#!/usr/bin/env python3
"""Builds dialogue.jsonl from conversations.txt, repeating the conversations in rounds (with round-numbered
conversation ids) until the log holds TARGET messages, so the demo shows a few hundred messages of real,
varied dialogue. Deterministic: same input, same output."""
import json, pathlib

TARGET = 300
here = pathlib.Path(__file__).parent
convs, current = [], None
for line in (here / "conversations.txt").read_text(encoding="utf-8").splitlines():
    if line.startswith("# "):
        continue
    if line.startswith("## "):
        cid, a, b = line[3:].split()
        current = {"id": cid, "speakers": [a, b], "lines": []}
        convs.append(current)
    elif current is not None:
        current["lines"].append(line)

out, n, rnd = [], 0, 0
while n < TARGET:
    rnd += 1
    for conv in convs:
        cid = conv["id"] if rnd == 1 else f'{conv["id"]}-r{rnd}'
        for i, text in enumerate(conv["lines"]):
            if n >= TARGET:
                break
            n += 1
            out.append(json.dumps({"id": f"{cid}-{i + 1:03d}", "conversationId": cid,
                                   "speaker": conv["speakers"][i % 2], "text": text}, ensure_ascii=False))
(here / "dialogue.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")
print(f"{n} messages in {len(convs)} conversations, {rnd} round(s)")
