#!/usr/bin/python3
"""Quality of `totsugo suggest` against the reviewed crosswalks, measured without them.

  eval.py TOTSUGO [SOURCE_TREE]

1. An evaluation data directory is built from SOURCE_TREE (default: this checkout) with
   the catalogs, the term dictionaries, the regulation templates and registry, the
   baseline's own crosswalks (付録3 -> 付録5 ...), and the industries with their crosswalk
   lists emptied -- and none of the crosswalks from an industry guideline.
   `suggest` therefore cannot read the pairs it is scored against.
2. `totsugo suggest SOURCE --top 10 --min-score 0 --format csv` runs for each source.
3. Only then are the crosswalks read, from SOURCE_TREE (`totsugo show ID --format json`,
   a derived crosswalk's composed pairs included): a pair counts when its effective
   status is `reviewed`.  For each reviewed pair, the rank of its target in
   the source item's list (1-10, or missed).

Reported per crosswalk, for the targets in 付録5 (app5/...) and for every target:
  recall@k  share of the reviewed pairs whose target is among the item's top k
  MRR       mean of 1/rank over the reviewed pairs (0 when not in the top 10)
  hit@k     share of the items with a reviewed target that have one in their top k
jama-japia-2.3 was the development set (the weights were tuned on it when its pairs were
its own); its items are known only by inferred topics, so its pairs are all `suggested`,
and they are now derived from the SCS crosswalks (derive:), so it is reported, not used for
tuning any more.  meti-scs-2026 and nikkenren-kyoryoku-2023 are the test sets: their
reviewed pairs only.
"""
import csv
import glob
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

CROSSWALKS = [
    ('nikkenren-kyoryoku-2023', 'nikkenren-kyoryoku-2023--ipa-sme-3.1', 'test'),
    ('meti-scs-2026', 'meti-scs-2026--ipa-sme-3.1', 'test'),
    ('jama-japia-2.3', 'jama-japia-2.3--ipa-sme-3.1', 'dev'),
]
KS = (1, 3, 5, 10)


def eval_data(tree, tmp):
    """The data directory suggest sees: no industry crosswalk in it."""
    d = os.path.join(tmp, 'data')
    os.makedirs(os.path.join(d, 'mappings'))
    shutil.copytree(os.path.join(tree, 'templates'), os.path.join(d, 'templates'))
    for path in sorted(glob.glob(os.path.join(tree, 'mappings', '**', '*.yaml'), recursive=True)):
        with open(path, encoding='utf-8') as f:
            doc = yaml.safe_load(f)
        kind = doc.get('kind')
        rel = os.path.relpath(path, os.path.join(tree, 'mappings'))
        out = os.path.join(d, 'mappings', rel)
        # The baseline's own crosswalks (付録3 -> 付録5 ...) stay: they relate its items
        # to each other and say nothing about any industry guideline.
        if kind == 'crosswalk' and doc.get('source') != doc.get('target'):
            continue
        if kind == 'profile':
            continue
        os.makedirs(os.path.dirname(out), exist_ok=True)
        if kind == 'industry':
            doc['crosswalks'] = []
            with open(out, 'w', encoding='utf-8') as f:
                yaml.safe_dump(doc, f, allow_unicode=True, sort_keys=False)
        else:
            shutil.copy(path, out)
    return d


def ranks_of(totsugo, data, source):
    out = subprocess.run([totsugo, '--data', data, 'suggest', source, '--top', '10',
                          '--min-score', '0', '--format', 'csv'],
                         check=True, capture_output=True).stdout.decode('utf-8-sig')
    ranks = {}
    for row in csv.DictReader(io.StringIO(out)):
        if row['順位']:
            ranks[(row['業界項目ID'], row['対応先ID'])] = int(row['順位'])
    return ranks


def scored_pairs(totsugo, tree, xw_id, kind):
    """The pairs scored against, as the data holds them (`show --format json`: a derived
    crosswalk's composed pairs included): the reviewed ones; for the development set every
    pair (its sources are inferred topics, so none can be reviewed)."""
    out = subprocess.run([totsugo, '--data', tree, 'show', xw_id, '--format', 'json'],
                         check=True, capture_output=True).stdout
    pairs = []
    for row in json.loads(out)['rows']:
        if row.get('target') is None:
            continue
        if row.get('status') == 'reviewed' or (kind == 'dev' and row.get('status') != 'unmapped'):
            pairs.append((str(row['source']), str(row['target'])))
    return pairs


def metrics(pairs, ranks):
    n = len(pairs)
    if n == 0:
        return None
    rk = [ranks.get(p) for p in pairs]
    res = {'pairs': n, 'items': len({s for s, _ in pairs})}
    for k in KS:
        res['r@%d' % k] = sum(1 for r in rk if r is not None and r <= k) / n
        items = {}
        for (s, _), r in zip(pairs, rk):
            items[s] = items.get(s, False) or (r is not None and r <= k)
        res['hit@%d' % k] = sum(items.values()) / len(items)
    res['mrr'] = sum(1 / r for r in rk if r is not None) / n
    return res


def main():
    totsugo = os.path.abspath(sys.argv[1])
    tree = os.path.abspath(sys.argv[2] if len(sys.argv) > 2 else
                           os.path.join(os.path.dirname(__file__), '..', '..'))
    tmp = tempfile.mkdtemp()
    try:
        data = eval_data(tree, tmp)
        ranks = {src: ranks_of(totsugo, data, src) for src, _, _ in CROSSWALKS}
    finally:
        shutil.rmtree(tmp)
    print('| crosswalk | set | targets | pairs | items | recall@1 | @3 | @5 | @10 | MRR | hit@1 | hit@5 |')
    print('|---|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|')
    floor = []
    for src, path, kind in CROSSWALKS:
        pairs = scored_pairs(totsugo, tree, path, kind)
        for label, sel in (('付録5', [p for p in pairs if p[1].startswith('app5/')]), ('all', pairs)):
            m = metrics(sel, ranks[src])
            if m is None:
                print('| %s | %s | %s | 0 | | | | | | | | |' % (src, kind, label))
                continue
            if label == '付録5' and kind == 'test':
                floor.append((m['pairs'], m['r@5']))
            print('| %s | %s | %s | %d | %d | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f | %.2f |' % (
                src, kind, label, m['pairs'], m['items'], m['r@1'], m['r@3'], m['r@5'], m['r@10'],
                m['mrr'], m['hit@1'], m['hit@5']))
    n = sum(p for p, _ in floor)
    if n:
        print('\nrecall@5 over the reviewed 付録5 targets of the test crosswalks: %.2f (%d pairs)'
              % (sum(p * r for p, r in floor) / n, n))


if __name__ == '__main__':
    main()
