#!/usr/bin/python3
"""Rewrites the 自工会/部工会 → IPA crosswalk as a derived crosswalk.

Its pairs were written by hand from the topics that METI's SCS list gives the
自工会 items, so they restate ~(meti-scs-2026 → jama-japia-2.3) ∘
(meti-scs-2026 → ipa-sme-3.1).  The file becomes

    derive: {via: [~meti-scs-2026--jama-japia-2.3, meti-scs-2026--ipa-sme-3.1]}

and keeps, as written, only what someone judged on its own:
  - the rows of the items whose topic seed 003 names (No.44, 46, 66), whole;
  - every 反映案 (proposal) with its row note, without the restated targets;
  - the unmapped rows (the item's topic is unknown), with their notes.
The file's status becomes `suggested` (every pair rests on an inferred topic).
Text is filtered line by line: comments, quoting and wording of what is kept
stay as they are.

It also lists the written pairs that the composition does not reproduce and
that are dropped (they are topic-level judgments: they belong in the SCS → IPA
crosswalk, where every item citing the topic gets them).

Usage: tools/jama-derived.py [DATA_DIR]   (rewrites the file in place)
Run it again on a newer version of the file (e.g. after a data review) to
redo the conversion; it refuses a file that is derived already."""
import os
import re
import sys

import yaml

SEED_ITEMS = {"44", "46", "66"}
XW = "mappings/jama/jama-japia-2.3--ipa-sme-3.1.yaml"
VIA = ["~meti-scs-2026--jama-japia-2.3", "meti-scs-2026--ipa-sme-3.1"]
DESCRIPTION = (
    "自工会/部工会ガイドラインの各項目と、IPAガイドライン第3.1版（本文、付録1〜8）との突合表。"
    "ガイドラインの要求事項・達成条件の文言は確認できておらず、項目の題目は、経済産業省の要求事項一覧"
    "（2026-03-27）がその項目を参照している要求事項の名称（No.44・46・66 はIPA報告書の記述）から推定した"
    "話題である。そのため対応の大部分は、その参照を介して、SCS要求事項→IPAの突合表から合成する（derive）。"
    "合成した対応は全て提案（suggested）で、関係は経路上で最も弱いもの、強度は最も低いものとし、経由した"
    "要求事項を「SCS 2-1-2 経由」のように示す。このファイルに書くのは、それとは別に判断したものだけである："
    "IPA報告書が話題を挙げる No.44・46・66 の対応（提案）、反映案、題目が不明で対応付けできない項目"
    "（unmapped）。反映案は、IPA 付録5（本ツールの再構成）に対応する定めがない又は不十分な自動車部品業界"
    "特有の事項について、業界版サンプル規程に追記する文案である。")


def rows_of(text):
    """(header lines, [row blocks as lists of lines])."""
    lines = text.splitlines(keepends=True)
    start = next(i for i, l in enumerate(lines) if l.rstrip() == "rows:")
    header, rows = lines[:start + 1], []
    for line in lines[start + 1:]:
        if line.startswith("  - source:"):
            rows.append([line])
        elif rows:
            rows[-1].append(line)
        else:
            header.append(line)
    return header, rows


def source_of(block):
    m = re.match(r'\s*- source:\s*"?([^"\s]+)"?', block[0])
    return m.group(1)


def section(block, key):
    """The lines of a row's `key:` section (4-space indent) and the rest."""
    inside, rest, out = False, [], []
    for line in block[1:]:
        if re.match(r"    \S", line):
            inside = line.startswith("    %s:" % key)
        (out if inside else rest).append(line)
    return out, rest


def convert(text):
    header, rows = rows_of(text)
    if any(l.startswith("derive:") for l in header):
        sys.exit("jama-derived.py: the crosswalk is derived already")
    new_header = []
    for line in header:
        if line.startswith("status:"):
            line = "status: suggested\n"
        if line.startswith("description:"):
            line = "description: " + DESCRIPTION + "\n"
        new_header.append(line)
        if line.startswith("target:"):
            new_header.append("derive:\n  via: [%s]\n" % ", ".join(VIA))
    kept = []
    for block in rows:
        src = source_of(block)
        body = "".join(block)
        if src in SEED_ITEMS or re.search(r"^    status: unmapped", body, re.M):
            kept.append(block)
        elif re.search(r"^    proposal:", body, re.M):
            _, rest = section(block, "targets")
            kept.append([block[0]] + rest)
    return "".join(new_header) + "".join("".join(b) for b in kept)


def dropped(root, text):
    """Written pairs the composition does not reproduce."""
    load = lambda p: yaml.safe_load(open(os.path.join(root, p), encoding="utf-8"))
    sj = load("mappings/scs/meti-scs-2026--jama-japia-2.3.yaml")
    si = load("mappings/scs/meti-scs-2026--ipa-sme-3.1.yaml")
    cited = {}
    for r in sj["rows"]:
        for t in r.get("targets") or []:
            cited.setdefault(str(t["target"]), []).append(str(r["source"]))
    ipa = {str(r["source"]): {t["target"] for t in r.get("targets") or []} for r in si["rows"]}
    out = []
    for r in yaml.safe_load(text)["rows"]:
        s = str(r["source"])
        if s in SEED_ITEMS:
            continue
        reach = set().union(*[ipa.get(q, set()) for q in cited.get(s, [])]) if s in cited else set()
        for t in r.get("targets") or []:
            if t["target"] not in reach:
                out.append((s, t["target"], cited.get(s, [])))
    return out


def main():
    root = sys.argv[1] if len(sys.argv) > 1 else "."
    path = os.path.join(root, XW)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for s, t, scs in dropped(root, text):
        print("dropped: No.%s -> %s (cited by SCS %s, whose crosswalk lacks it)"
              % (s, t, ", ".join(scs) or "none"))
    new = convert(text)
    with open(path, "w", encoding="utf-8") as f:
        f.write(new)
    print("rewrote %s: %d rows kept of %d" % (XW, len(rows_of(new)[1]), len(rows_of(text)[1])))


main()
