#!/usr/bin/env bash
# Writes the seed corpus of the fuzz targets from the bundled datasets (deterministic, ~100 KB):
#   Fuzz/make-corpus.sh OUT      ->  OUT/FuzzCSV, OUT/FuzzDataset, OUT/FuzzScenarios
# FuzzCSV: every file of Datasets/tiny, the header and first 20 rows of each Datasets/quzhou file,
#   the same in GB18030, UTF-16 and tab-separated, and a few hand-written edge cases.
# FuzzDataset: one byte choosing the file (FuzzSupport.datasetFiles' order) + that file's content
#   (tiny's own, and a 10-row slice of quzhou's).
# FuzzScenarios: Datasets/quzhou/scenarios.toml, each of its scenarios alone, scenarios written
#   against Datasets/tiny's ids, and Datasets/tiny/settings.toml.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(dirname "$here")"
out="${1:?usage: make-corpus.sh OUT}"
tiny="$root/Datasets/tiny"; quzhou="$root/Datasets/quzhou"
rm -rf "$out"; mkdir -p "$out/FuzzCSV" "$out/FuzzDataset" "$out/FuzzScenarios"

# --- FuzzCSV ---
for f in "$tiny"/*.csv; do cp "$f" "$out/FuzzCSV/tiny-$(basename "$f")"; done
for f in "$quzhou"/*.csv; do
  b=$(basename "$f" .csv)
  head -n 21 "$f" > "$out/FuzzCSV/quzhou-$b.csv"
done
# Other encodings and separators of one file each (the reader's other paths).
if command -v iconv >/dev/null; then
  iconv -f UTF-8 -t GB18030 "$tiny/children.csv" > "$out/FuzzCSV/enc-gb18030-children.csv"
  { printf '\xff\xfe'; iconv -f UTF-8 -t UTF-16LE "$tiny/organizations.csv"; } > "$out/FuzzCSV/enc-utf16le-organizations.csv"
  { printf '\xfe\xff'; iconv -f UTF-8 -t UTF-16BE "$tiny/moms.csv"; } > "$out/FuzzCSV/enc-utf16be-moms.csv"
fi
{ printf '\xef\xbb\xbf'; cat "$tiny/needs.csv"; } > "$out/FuzzCSV/enc-bom-needs.csv"
tr ',' '\t' < "$tiny/catalog.csv" > "$out/FuzzCSV/tab-catalog.csv"
sed 's/$/\r/' "$tiny/offers.csv" > "$out/FuzzCSV/crlf-offers.csv"
printf 'id,name,note\r\n'"'"'=1+1,"a, ""quoted"" name","two\nlines"\r\n'"'"'+x,'"'"'-y,'"'"'@z\r\n' > "$out/FuzzCSV/edge-formula-quotes.csv"
printf 'n,q\n12,0.5\n-3,+2\n1e5,20,000\n１２,¥30\n30%%,NaN\ninf,  7 \n' > "$out/FuzzCSV/edge-numbers.csv"
printf 'b,g\ntrue,left_behind\nYes,SPECIAL_NEEDS\n0,disadvantaged\nmaybe,\n' > "$out/FuzzCSV/edge-enums.csv"
printf 'tags\nreading;sports；arts; ;reading\n' > "$out/FuzzCSV/edge-list.csv"

# --- FuzzDataset: byte 0 = index in FuzzSupport.datasetFiles ---
files=(children.csv moms.csv organizations.csv catalog.csv offers.csv needs.csv settings.toml manual_pairings.csv manual_allocations.csv)
for i in "${!files[@]}"; do
  f=${files[$i]}
  byte=$(printf '\\x%02x' "$i")
  if [ -f "$tiny/$f" ]; then { printf "$byte"; cat "$tiny/$f"; } > "$out/FuzzDataset/$i-tiny-$f"; fi
  if [ -f "$quzhou/$f" ]; then { printf "$byte"; head -n 11 "$quzhou/$f"; } > "$out/FuzzDataset/$i-quzhou-$f"; fi
done
# tiny with one more valid row per file (longer valid inputs to mutate from).
{ printf '\x00'; cat "$tiny/children.csv"; echo 'C11,special_needs,Kecheng,,28.95,118.87,11,music;arts,1,'; } > "$out/FuzzDataset/0-tiny-children-plus.csv"
{ printf '\x01'; cat "$tiny/moms.csv"; echo 'M8,Kecheng,,28.95,118.86,3,music,12,yes'; } > "$out/FuzzDataset/1-tiny-moms-plus.csv"
{ printf '\x06'; printf '[pairing]\nmax_km = 25\nfit_bonus = 5\n[group_weight]\nspecial_needs = 2.5\n[allocation]\nmip_gap = 0.01\ntime_limit_s = 5\n'; } > "$out/FuzzDataset/6-settings-more.toml"

# --- FuzzScenarios ---
cp "$quzhou/scenarios.toml" "$out/FuzzScenarios/quzhou-scenarios.toml"
cp "$tiny/settings.toml" "$out/FuzzScenarios/tiny-settings.toml"
awk -v dir="$out/FuzzScenarios" '/^\[\[scenario\]\]/ { n++ } n > 0 { print > (dir "/quzhou-scenario-" n ".toml") }' "$quzhou/scenarios.toml"
cat > "$out/FuzzScenarios/tiny-scenarios.toml" <<'TOML'
[[scenario]]
name = "ORG1 leaves"
remove_organizations = ["ORG1"]

[[scenario]]
name = "fewer moms"
remove_moms = ["M2", "M3"]
remove_children = ["C10"]

[[scenario]]
name = "books doubled in Kecheng"
  [[scenario.scale]]
  category = "books"
  county = "Kecheng"
  factor = 2

[[scenario]]
name = "Changshan moms travel 20 km"
  [[scenario.max_km]]
  county = "Changshan"
  set = 20
  [[scenario.capacity]]
  county = "Changshan"
  add = 1

[[scenario]]
name = "same children again"
add_children = "children.csv"
add_needs = "needs.csv"
add_moms = "moms.csv"

[[scenario]]
name = "weights"
  [scenario.settings]
  "group_weight.special_needs" = 3.0
  "pairing.max_km" = 15
TOML
printf '[group_weight]\nleft_behind = 1.2\n[pairing]\nmax_km = 12.5\nkm_cost = 1\n[allocation]\nfund_penalty = 0.1\n[plan]\ntime_limit_s = 30\n' > "$out/FuzzScenarios/settings-all-tables.toml"
echo "seed corpus written to $out: $(find "$out" -type f | wc -l) files, $(du -sk "$out" | cut -f1) KB"
