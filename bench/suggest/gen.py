#!/usr/bin/python3
"""A source catalog of N items (default 10,000) for the speed benchmark: the titles and
texts of the shipped guidelines' items, cycled, each with its own id and a number
appended so that no two texts are equal.  Deterministic."""
import glob
import sys

import yaml

n = int(sys.argv[1]) if len(sys.argv) > 1 else 10000
texts = []
for path in sorted(glob.glob('mappings/*/*.yaml')):
    with open(path, encoding='utf-8') as f:
        doc = yaml.safe_load(f)
    if doc.get('kind') != 'catalog' or doc['id'].startswith('ipa-'):
        continue

    def walk(items):
        for it in items:
            if it.get('title') not in (None, 'unknown'):
                texts.append((it['title'], it.get('text') or ''))
            walk(it.get('items', []))
    walk(doc['items'])
out = sys.stdout
out.write('kind: catalog\nid: bench-source\ntitle: ベンチマーク用の業界ガイドライン\nlevels: []\n'
          'provenance: authored\nitems:\n')
for i in range(n):
    title, text = texts[i % len(texts)]
    out.write('  - id: "%d"\n    title: %s\n' % (i + 1, yaml.safe_dump('%s(%d)' % (title, i + 1), allow_unicode=True).strip().split('\n')[0]))
    if text:
        out.write('    text: %s\n' % yaml.safe_dump(text, allow_unicode=True, width=10000).strip().split('\n')[0])
