# The path of docs/workflow.md, up to the reviewed crosswalk, for every case of
# this suite: a data directory (the shipped IPA catalog, templates, terms), the
# example checklist imported, a crosswalk suggested, exported to review.xlsx,
# reviewed (_review.py stands in for Excel), applied, and the association's
# industry added.  Each case runs one step after it.
set -e
top="$REGRESS_SUITE/../../.."
mkdir -p data/mappings/industries
cp -R "$top/mappings/ipa" "$top/mappings/terms" data/mappings/
cp -R "$top/templates" data/
ex="$top/docs/examples/import"
"$TOTSUGO" import --spec "$ex/association-checklist.yaml" "$ex/association-checklist-sample.csv" \
	-o data/mappings/checklist.yaml
"$TOTSUGO" --data data suggest association-checklist-example --target ipa-sme-3.1 \
	-o data/mappings/checklist--ipa-sme-3.1.yaml 2>/dev/null
# The industry names the crosswalk: it comes once the crosswalk exists.
cp "$top/docs/examples/workflow/industry.yaml" data/mappings/industries/example-association.yaml
"$TOTSUGO" --data data review export association-checklist-example--ipa-sme-3.1 \
	-o review.xlsx >/dev/null
/usr/bin/python3 "$REGRESS_SUITE/_review.py" review.xlsx reviewed.xlsx
if [ "${APPLY:-1}" = 1 ]; then
	"$TOTSUGO" --data data review apply reviewed.xlsx >/dev/null
fi
