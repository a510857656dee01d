#!/bin/sh
# Generates a data directory for the composition benchmark:
#   gen.sh DIR [ITEMS] [DERIVED]
# Three catalogs of ITEMS items each (default 10000: 200 groups of 50), a
# crosswalk a -> b and a crosswalk c -> b of 1.5 pairs per item each
# (30,000 pairs together for 10,000 items), and, unless DERIVED is 0, the
# derived crosswalk a -> c composed through [a--b, ~c--b] (an inverse on the
# way, every relationship of the algebra in the data).
set -eu
dir=$1
items=${2:-10000}
derived=${3:-1}
mkdir -p "$dir/mappings"
for cat in a b c; do
	awk -v items="$items" -v id="bench-$cat" 'BEGIN {
		printf "kind: catalog\nid: %s\ntitle: ベンチマーク用カタログ%s\nshort_title: %s\nprovenance: authored\nitems:\n", id, id, id
		for (i = 1; i <= items; i++) {
			if (i % 50 == 1)
				printf "  - id: g%d\n    title: 分類%d\n    items:\n", int(i / 50), int(i / 50)
			printf "      - {id: \"%d\", ref: No.%d, title: 要求事項%d}\n", i, i, i
		}
	}' > "$dir/mappings/$cat.yaml"
done
# Relationships cycle through the algebra; strengths through 0-10 within what
# validate accepts for each relationship (no warning: the run times the work).
pairs() {
	awk -v items="$items" -v id="$1" -v src="$2" -v tgt="$3" -v seed="$4" 'BEGIN {
		split("equal subset-of superset-of intersects-with no-relationship", rel, " ")
		printf "kind: crosswalk\nid: %s\nsource: %s\ntarget: %s\nstatus: reviewed\nprovenance: authored\nrows:\n", id, src, tgt
		for (i = 1; i <= items; i++) {
			printf "  - source: \"%d\"\n    targets:\n", i
			n = i % 2 + 1
			for (t = 0; t < n; t++) {
				j = (i * seed + t * 97) % items + 1
				r = (i + t) % 5 + 1
				# strengths as the data rules want them: a full cover 8-10,
				# an overlap at most 8, unrelated 0
				st = r <= 2 ? 8 + (i + t) % 3 : r == 4 ? (i + t * 3) % 9 : r == 5 ? 0 : (i + t * 3) % 11
				printf "      - {target: \"%d\", relationship: %s, strength: %d, rationale: semantic}\n", j, rel[r], st
			}
		}
	}' > "$dir/mappings/$1.yaml"
}
pairs bench-a--bench-b bench-a bench-b 7
pairs bench-c--bench-b bench-c bench-b 13
if [ "$derived" != 0 ]; then
	printf 'kind: crosswalk\nid: bench-a--bench-c\nsource: bench-a\ntarget: bench-c\nprovenance: authored\nderive:\n  via: [bench-a--bench-b, ~bench-c--bench-b]\n' > "$dir/mappings/derived.yaml"
fi
