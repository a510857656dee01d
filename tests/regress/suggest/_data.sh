# Shared by the setups of this suite: a data directory with the shipped IPA
# catalog, its regulation templates and internal crosswalks, and the term
# dictionaries (no industry: the cases name --target), and the example
# checklist of docs/examples/import/ imported as checklist.yaml.
set -e
top="$REGRESS_SUITE/../../.."
mkdir -p data/mappings
cp -R "$top/mappings/ipa" "$top/mappings/terms" data/mappings/
cp -R "$top/templates" data/
"$TOTSUGO" import --spec "$top/docs/examples/import/association-checklist.yaml" \
	"$top/docs/examples/import/association-checklist-sample.csv" -o checklist.yaml
