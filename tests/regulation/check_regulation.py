#!/usr/bin/env python3
"""Renders the shipped industries' regulations (with the example profiles and
without a profile) and checks them against the data, read independently with
PyYAML and html.parser:
  - with --labels, every template clause that an in-scope crosswalk row targets
    directly (derived crosswalks composed here on their own) shows the row's
    label after its text;
  - every clause a profile excludes is absent from the body and listed, with its
    reason, in 付録B 適用除外一覧;
  - every TOC / table href="#x" of the HTML has exactly one id="x", and the page
    holds 基本方針 and the 11 chapters of 付録5 (less excluded chapters);
  - the output is byte-identical across two runs and under LC_ALL=ja_JP.UTF-8.
Industries without a guideline (the baseline-only path, e.g. logistics):
  - every example the templates use shows the industry's text, or the registry
    default where the industry gives none; no ○ is left but the company's own
    values (company name, dates, contacts) and the contract form's blanks;
  - every addition is placed (heading or supplement with the industry's label)
    and listed in 付録A; every term is in 付録D (the industry's definition, else
    the registry's);
  - the output is byte-identical across runs and locales.
Usage: check_regulation.py TOTSUGO SOURCE_ROOT"""
import filecmp
import glob
import html.parser
import os
import re
import subprocess
import sys
import tempfile

try:
    import yaml
except ImportError:  # the test needs an independent YAML reader
    print("SKIP: PyYAML is not installed")
    sys.exit(77)

failures = []


def check(cond, what):
    if not cond:
        failures.append(what)
        print("FAIL:", what)


def load(root, rel):
    with open(os.path.join(root, rel), encoding="utf-8") as f:
        return yaml.safe_load(f)


def walk(items, parent=None):
    for it in items or []:
        it["_parent"] = parent
        yield it
        yield from walk(it.get("items"), it)


def render(exe, root, out, industry, profile, locale="C", extra=()):
    env = dict(os.environ)
    env.pop("TOTSUGO_DATA", None)
    env["LC_ALL"] = locale
    args = [exe, "--data", root, "render", "--industry", industry, "--labels", "-o", out, *extra]
    if profile:
        args += ["--profile", profile]
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)


def same_tree(a, b):
    cmp = filecmp.dircmp(a, b)
    if cmp.left_only or cmp.right_only:
        return False
    _, mismatch, errors = filecmp.cmpfiles(a, b, cmp.common_files, shallow=False)
    return not mismatch and not errors


class Anchors(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids, self.hrefs, self.chapters, self.h2 = [], [], 0, []
        self._in_h2 = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if "id" in a:
            self.ids.append(a["id"])
        if tag == "a" and a.get("href", "").startswith("#"):
            self.hrefs.append(a["href"][1:])
        if tag == "section" and a.get("class") == "chapter":
            self.chapters += 1
        if tag == "h2" and "id" in a:
            self.h2.append(a["id"])


def level_index(levels, level):
    """Lowest cited level index; None: no level; -1: unknown."""
    if level is None:
        return None
    if level == "unknown":
        return -1
    if isinstance(level, list):
        return min(levels.index(x) for x in level)
    return levels.index(level)


def mark_of(catalog, item):
    """＊ for an inferred title, ※ for an item we wrote: what labels carry."""
    prov = item.get("provenance", catalog.get("provenance"))
    if prov == "authored" or (isinstance(prov, dict) and prov.get("kind") == "authored"):
        return "※"
    if isinstance(prov, dict) and prov.get("inferred") == "title":
        return "＊"
    return ""


def label_of(catalog, item):
    short = catalog.get("short_title") or catalog["title"]
    ref = item.get("ref", str(item["id"])) + mark_of(catalog, item)
    level = item.get("level")
    if level is None:
        return f"{short} {ref}"
    if level == "unknown":
        return f"{short} {ref}（不明）"
    if isinstance(level, list):
        return f"{short} {ref}（{'/'.join(level)}）"
    return f"{short} {ref}（{level}）"


INVERSE = {"subset-of": "superset-of", "superset-of": "subset-of"}


def pairs_of(docs, ref):
    """[(source, target, relationship)] of a crosswalk id, `~ID` for its inverse."""
    inverse = ref.startswith("~")
    xw = docs[("crosswalk", ref.lstrip("~"))]
    out = [(str(r["source"]), str(t["target"]), t["relationship"])
           for r in effective_rows(docs, xw) for t in r.get("targets") or []]
    if inverse:
        out = [(t, s, INVERSE.get(rel, rel)) for s, t, rel in out]
    return out


def effective_rows(docs, xw):
    """The rows of a crosswalk; for a derived one (derive: {via: [A, B]}), the
    written rows merged with the composition of A and B, composed here on
    its own (docs/crosswalk.md): a path through no-relationship gives
    nothing, a written pair or an unmapped row wins."""
    rows = [dict(r) for r in xw.get("rows") or []]
    if "derive" not in xw:
        return rows
    via = xw["derive"]["via"]
    assert len(via) == 2, "this check composes chains of two"
    first, second = pairs_of(docs, via[0]), pairs_of(docs, via[1])
    nxt = {}
    for s, t, rel in second:
        nxt.setdefault(s, []).append((t, rel))
    derived = {}
    for s, m, rel in first:
        if rel == "no-relationship":
            continue
        for t, rel2 in nxt.get(m, []):
            if rel2 != "no-relationship":
                derived.setdefault(s, []).append(t)
    by_source = {str(r["source"]): r for r in rows}
    for s, targets in derived.items():
        row = by_source.setdefault(s, {"source": s})
        if row not in rows:
            rows.append(row)
        if row.get("status") == "unmapped":
            continue
        have = {str(t["target"]) for t in row.get("targets") or []}
        row["targets"] = list(row.get("targets") or []) + [
            {"target": t} for t in dict.fromkeys(targets) if t not in have]
    return rows


def sections(md):
    """Heading text -> the text up to the next heading (regulation.md)."""
    out = {}
    parts = re.split(r"^(#{1,6} .*)$", md, flags=re.M)
    for i in range(1, len(parts), 2):
        out.setdefault(parts[i].lstrip("#").strip(), parts[i + 1])
    return out


class Text(html.parser.HTMLParser):
    """The visible text of a page (what a reader sees)."""

    def __init__(self):
        super().__init__()
        self.parts, self._skip = [], 0

    def handle_starttag(self, tag, attrs):
        if tag in ("style", "script", "title"):
            self._skip += 1

    def handle_endtag(self, tag):
        if tag in ("style", "script", "title"):
            self._skip -= 1

    def handle_data(self, data):
        if not self._skip:
            self.parts.append(data)


def blanks(value):
    """The strings holding ○ in a parameter's default (scalars, lists, tables)."""
    if isinstance(value, str):
        return [value] if "○" in value else []
    if isinstance(value, list):
        return [b for v in value for b in blanks(v)]
    if isinstance(value, dict):
        return [b for v in value.values() for b in blanks(v)]
    return []


def check_baseline_only(exe, root, docs, tmp):
    registry = next(d for (k, _), d in docs.items() if k == "parameters")
    params = {p["name"]: p for p in registry["parameters"]}
    literal = set()
    for path in glob.glob(os.path.join(root, "templates", registry["templates"], "*.md")):
        with open(path, encoding="utf-8") as f:
            src = re.sub(r"\{\{[^}]*\}\}", " ", f.read())
        literal.update(re.findall(r"[^\s|>]*○[^\s|]*", src))
    company = [b for n, p in params.items() if not n.startswith("industry.examples.")
               for b in blanks(p.get("default"))]
    allowed = sorted(set(company) | literal, key=len, reverse=True)
    industries = [d for (k, _), d in docs.items() if k == "industry" and not d.get("guideline")]
    check(industries, "no industry without a guideline is shipped")
    for ind in industries:
        name = f"{ind['id']}-sample"
        out = os.path.join(tmp, name)
        render(exe, root, out, ind["id"], None)
        render(exe, root, out + "-again", ind["id"], None)
        render(exe, root, out + "-ja", ind["id"], None, locale="ja_JP.UTF-8")
        check(same_tree(out, out + "-again"), f"{name}: two runs differ")
        check(same_tree(out, out + "-ja"), f"{name}: LC_ALL=ja_JP.UTF-8 changes the output")
        t = Text()
        with open(os.path.join(out, "regulation.html"), encoding="utf-8") as f:
            t.feed(f.read())
        text = "".join(t.parts)
        examples = {e["key"]: e["text"] for e in ind.get("examples") or []}
        used = 0
        for pname, p in params.items():
            if not pname.startswith("industry.examples."):
                continue
            key = pname[len("industry.examples."):]
            want = examples.get(key, p.get("default"))
            check(want in text, f"{name}: example {key} does not show {want!r}")
            check("○" not in examples.get(key, ""), f"{name}: example {key} holds ○")
            used += key in examples
        rest, filled = text, 0
        for a in allowed:
            filled += rest.count(a)
            rest = rest.replace(a, "")
        left = [m.start() for m in re.finditer("○", rest)]
        check(not left, f"{name}: ○ left outside the company's values: "
              f"{[rest[max(0, i - 20):i + 20] for i in left[:3]]}")
        with open(os.path.join(out, "regulation.md"), encoding="utf-8") as f:
            md = f.read()
        label = ind.get("short_title") or ind["title"]
        appendix_a = md.partition("## 付録A 業界固有事項一覧")[2].partition("## 付録B")[0]
        for a in ind.get("additions") or []:
            if a["action"] == "add":
                check(re.search(rf"^#+ [0-9.]+ {re.escape(a['title'])}（業界追加：{re.escape(label)}）$",
                                md, re.M), f"{name}: addition {a['title']} has no heading")
            else:
                first = a["text"].strip().splitlines()[0][:20]
                check(f"（業界補足：{label}）{first}" in md, f"{name}: supplement {a['title']} not placed")
            kind = "追加" if a["action"] == "add" else "補足"
            check(f"{kind}：{a['title']}" in appendix_a, f"{name}: {a['title']} not in 付録A")
        glossary = md.partition("## 付録D 用語の定義")[2]
        own = {x["term"] for x in ind.get("terms") or []}
        for term in list(ind.get("terms") or []) + [x for x in registry.get("terms") or []
                                                    if x["term"] not in own]:
            check(f"| {term['term']}" in glossary, f"{name}: term {term['term']} not in 付録D")
        print(f"{name}: {used} examples of the industry, {len(ind.get('additions') or [])} additions, "
              f"{len(own)} terms, {filled} company blanks (○), {len(left)} other ○")


def main():
    exe, root = sys.argv[1], sys.argv[2]
    base = load(root, "mappings/ipa/ipa-sme-3.1.yaml")
    base_items = {str(it["id"]): it for it in walk(base["items"])}
    clauses = set()
    for path in glob.glob(os.path.join(root, "templates/regulation/*.md")):
        with open(path, encoding="utf-8") as f:
            clauses.update(re.findall(r"<!-- @(?:clause|chapter) (\S+) -->", f.read()))
    docs = {}
    for path in glob.glob(os.path.join(root, "mappings/**/*.yaml"), recursive=True):
        doc = load(root, os.path.relpath(path, root))
        docs[(doc["kind"], doc["id"])] = doc
    profiles = {i: d for (k, i), d in docs.items() if k == "profile"}
    cases = [("automotive", "automotive-lv1-example"), ("construction", "construction-example"),
             ("automotive", None), ("construction", None)]
    with tempfile.TemporaryDirectory() as tmp:
        for industry, profile in cases:
            ind = docs[("industry", industry)]
            guide = docs[("catalog", ind["guideline"])]
            levels = guide.get("levels") or []
            items = {str(it["id"]): it for it in walk(guide["items"])}
            prof = profiles.get(profile) if profile else None
            level = (prof or {}).get("level") or ind.get("default_level")
            scope = levels.index(level) if level in levels else None
            name = f"{industry}-{profile or 'sample'}"
            out = os.path.join(tmp, name)
            render(exe, root, out, industry, profile)
            # Determinism: again, and under a Japanese locale.
            render(exe, root, out + "-again", industry, profile)
            render(exe, root, out + "-ja", industry, profile, locale="ja_JP.UTF-8")
            check(same_tree(out, out + "-again"), f"{name}: two runs differ")
            check(same_tree(out, out + "-ja"), f"{name}: LC_ALL=ja_JP.UTF-8 changes the output")
            with open(os.path.join(out, "regulation.md"), encoding="utf-8") as f:
                md = f.read()
            body, _, appendix = md.partition("## 付録A 業界ガイドライン対応表")
            secs = sections(body)
            excluded = {str(x["clause"]): x["reason"] for x in (prof or {}).get("exclude") or []}

            def gone(cid):
                it = base_items.get(cid)
                while it is not None:
                    if str(it["id"]) in excluded:
                        return True
                    it = it["_parent"]
                return False

            def heading(cid):
                it = base_items[cid]
                if it["_parent"] is None:
                    return it["title"].replace("（サンプル）", "")
                return f"{it.get('ref', cid)} {it['title']}"

            # Labels: every targeted clause shows each in-scope row's label.
            checked = 0
            for xw_id in ind["crosswalks"]:
                xw = docs[("crosswalk", xw_id)]
                for row in effective_rows(docs, xw):
                    item = items[str(row["source"])]
                    li = level_index(levels, item.get("level"))
                    if scope is not None and li is not None and li >= 0 and li > scope:
                        continue
                    for t in row.get("targets") or []:
                        cid = str(t["target"])
                        if cid not in clauses or gone(cid):
                            continue
                        text = secs.get(heading(cid))
                        check(text is not None, f"{name}: no heading for {cid}")
                        want = f"〔{label_of(guide, item)}〕"
                        check(text is not None and want in text,
                              f"{name}: {cid} does not show {want}")
                        checked += 1
            check(checked > 20, f"{name}: only {checked} labels checked")
            # Exclusions: out of the body, in 付録B with the reason.
            for cid, reason in excluded.items():
                check(heading(cid) not in secs, f"{name}: excluded {cid} is in the body")
                b = appendix.partition("## 付録B 適用除外一覧")[2].partition("## 付録C")[0]
                check(f"| {heading(cid)} | {reason}" in b, f"{name}: {cid} not in 付録B with its reason")
            # HTML anchors and chapters.
            a = Anchors()
            with open(os.path.join(out, "regulation.html"), encoding="utf-8") as f:
                a.feed(f.read())
            dup = {x for x in a.ids if a.ids.count(x) > 1}
            check(not dup, f"{name}: ids used twice: {sorted(dup)[:5]}")
            missing = [h for h in a.hrefs if h not in a.ids]
            check(not missing, f"{name}: links without a target: {missing[:5]}")
            check(len(a.hrefs) > 50, f"{name}: only {len(a.hrefs)} links")
            chapters = [c for c in clauses if re.fullmatch(r"app5/\d+", c) and not gone(c)]
            check(a.chapters == len(chapters) + 1,
                  f"{name}: {a.chapters} chapter sections, expected {len(chapters) + 1}")
            for c in chapters:
                check(c.replace("/", "-") in a.h2, f"{name}: no chapter heading {c}")
            print(f"{name}: {checked} labels, {len(excluded)} exclusions, {len(a.hrefs)} links, "
                  f"{a.chapters} chapters")
        check_baseline_only(exe, root, docs, tmp)
    if failures:
        print(f"{len(failures)} failure(s)")
        sys.exit(1)
    print("regulation checks passed")


main()
