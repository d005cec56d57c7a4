"""Fill translations into a Qt ``.ts`` file from JSON files: ``{"context": {"source": "translation"}}``.

Run by ``make translations FILL="a.json b.json"`` after ``lupdate`` has collected
the source texts, so translators can keep their work in a plain file and apply
it again whenever the sources move. Only messages that lupdate found are
filled; a source text that is not (or no longer) in the ``.ts`` is listed on
stderr, so a typo in a JSON file is noticed. Exit status 1 when any was not found.

    python resources/tools/ts_fill.py resources/translations/cnnexplorer_zh_CN.ts mine.json
"""
from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET


def fill(ts_path: str, json_paths: list[str]) -> int:
    tree = ET.parse(ts_path)
    messages = {}
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            messages[(name, message.findtext("source"))] = message
    missing = 0
    filled = 0
    for path in json_paths:
        with open(path, encoding="utf-8") as f:
            table = json.load(f)
        for context, texts in table.items():
            for source, text in texts.items():
                message = messages.get((context, source))
                if message is None:
                    print(f"{path}: not in the .ts: [{context}] {source!r}", file=sys.stderr)
                    missing += 1
                    continue
                translation = message.find("translation")
                translation.text = text
                translation.attrib.pop("type", None)
                filled += 1
    ET.indent(tree, space="    ")
    with open(ts_path, "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        f.write(ET.tostring(tree.getroot(), encoding="unicode"))
        f.write("\n")
    unfinished = sum(1 for m in messages.values() if m.find("translation").get("type") == "unfinished")
    print(f"{ts_path}: {filled} filled, {unfinished} still unfinished", file=sys.stderr)
    return 1 if missing else 0


if __name__ == "__main__":
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    sys.exit(fill(sys.argv[1], sys.argv[2:]))
