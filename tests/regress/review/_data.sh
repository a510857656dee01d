# Shared by the setups of this suite: a data directory with the shipped IPA
# catalog, its templates and the term dictionaries; the example checklist of
# docs/examples/import/ imported into it, a crosswalk suggested for it, and
# that crosswalk exported as review.xlsx.
set -e
top="$REGRESS_SUITE/../../.."
mkdir -p data/mappings
cp -R "$top/mappings/ipa" "$top/mappings/terms" data/mappings/
cp -R "$top/templates" data/
"$TOTSUGO" import --spec "$top/docs/examples/import/association-checklist.yaml" \
	"$top/docs/examples/import/association-checklist-sample.csv" -o data/mappings/checklist.yaml
"$TOTSUGO" --data data suggest association-checklist-example --target ipa-sme-3.1 \
	-o data/mappings/checklist--ipa.yaml 2>/dev/null
"$TOTSUGO" --data data review export association-checklist-example--ipa-sme-3.1 \
	-o review.xlsx >/dev/null
