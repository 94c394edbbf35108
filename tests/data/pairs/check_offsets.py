#!/usr/bin/env python3
"""Check that every span in the pairs' gold.json and reported.json slices its files to what it says."""
import json
import sys
from pathlib import Path

VERDICTS = {"supported", "distorted", "unsupported"}
CATEGORIES = {"verbatim", "altered", "paraphrase", "unsupported", "not_speech"}


def check_spans(name, items, article, transcript, kinds, kind_key, show):
    problems = []
    last = -1
    for i, it in enumerate(items):
        where = f"{name}[{i}] {it['text'][:50]!r}"
        s, e = it["article_start"], it["article_end"]
        if not 0 <= s < e <= len(article):
            problems.append(f"{where}: article span {s}..{e} outside the article")
            continue
        if article[s:e].decode("utf-8", "replace") != it["text"]:
            problems.append(f"{where}: article bytes {s}..{e} read {article[s:e].decode('utf-8', 'replace')!r}")
        if s < last:
            problems.append(f"{where}: not in article order")
        last = s
        kind = it.get(kind_key)
        if kind not in kinds:
            problems.append(f"{where}: {kind_key} {kind!r}")
        spans = it.get("source_spans", [])
        if kind in ("unsupported", "not_speech") and spans:
            problems.append(f"{where}: {kind} with source spans")
        if kind not in ("unsupported", "not_speech") and not spans:
            problems.append(f"{where}: {kind} without a source span")
        for a, b in spans:
            if not 0 <= a < b <= len(transcript):
                problems.append(f"{where}: source span {a}..{b} outside the transcript")
                continue
            try:
                text = transcript[a:b].decode("utf-8")
            except UnicodeDecodeError:
                problems.append(f"{where}: source span {a}..{b} cuts a character")
                continue
            if text != text.strip():
                problems.append(f"{where}: source span {a}..{b} starts or ends with white space")
            if show:
                print(f"{where}\n    [{a}, {b}] {' '.join(text.split())}")
        if not it.get("notes") and kind_key == "verdict":
            problems.append(f"{where}: no notes")
    return problems


def main():
    show = "--show" in sys.argv
    names = [a for a in sys.argv[1:] if not a.startswith("--")]
    root = Path(__file__).resolve().parent
    pairs = [root / n for n in names] if names else sorted(p for p in root.iterdir() if p.is_dir())
    problems = []
    for pair in pairs:
        for file, key, kinds, kind_key in (("gold.json", "quotes", CATEGORIES, "category"),
                                           ("reported.json", "reported", VERDICTS, "verdict")):
            path = pair / file
            if not path.exists():
                continue
            doc = json.loads(path.read_text(encoding="utf-8"))
            article = (pair / doc["article"]).read_bytes()
            transcript = (pair / doc["transcript"]).read_bytes()
            found = check_spans(f"{pair.name}/{file}", doc[key], article, transcript, kinds, kind_key, show)
            problems += found
            print(f"{pair.name}/{file}: {len(doc[key])} items, {len(found)} problems")
    for p in problems:
        print("  " + p)
    sys.exit(1 if problems else 0)


if __name__ == "__main__":
    main()
