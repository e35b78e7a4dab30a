#!/usr/bin/env bash
# Times whole qingdan processes on generated corpora (wall time and peak
# memory, /usr/bin/time), and validate side by side with check-jsonschema
# (the JSON-Schema validator a CI user would otherwise pick) and yamllint.
#
#   scripts/bench.sh [CORPUS_DIR] [LISTS_FOR_SIDE_BY_SIDE]
#
# Prints a Markdown table. Needs python3 for the two other tools (installed
# into a virtual environment under target/).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-target/bench-corpus}
side=${2:-200}
cargo build --release --quiet --bin qingdan --example gen_corpus
q=target/release/qingdan
[ -d "$corpus/lists" ] || target/release/examples/gen_corpus "$corpus" >&2

venv=target/bench-venv
if [ ! -x "$venv/bin/check-jsonschema" ]; then
  python3 -m venv "$venv" >&2
  "$venv/bin/pip" install --quiet check-jsonschema yamllint >&2
fi

mb() { du -sb "$@" | awk '{s+=$1} END {printf "%.1f MB", s/1e6}'; }
row() { # label, input description, command...
  local label=$1 input=$2; shift 2
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$t" "$@" > /dev/null 2>&1 || true
  local out; out=$(tail -1 "$t"); rm -f "$t"
  printf '| %s | %s | %s s | %s MB |\n' "$label" "$input" "${out% *}" "$(awk -v k="${out#* }" 'BEGIN {printf "%.0f", k/1024}')"
}

echo "| command | input | wall time | peak memory |"
echo "| --- | --- | --- | --- |"
tmp=$(mktemp -d)
for layout in 000 001 003 004; do
  files=("$corpus"/text/"$layout"-*.txt)
  row "parse --out-dir (seed $layout layout)" "${#files[@]} files, $(mb "${files[@]}")" "$q" parse -q --out-dir "$tmp" "${files[@]}"
done
lists=$(find "$corpus/lists" -name '*.yaml' | wc -l)
row "validate (every rule)" "$lists lists, $(mb "$corpus/lists")" "$q" validate --format concise --exit-zero "$corpus/lists"
row "fmt --check" "$lists lists" "$q" fmt --check "$corpus/lists"

mapfile -t some < <(find "$corpus/lists" -name '*.yaml' | sort | head -n "$side")
row "qingdan validate (side by side)" "$side lists, $(mb "${some[@]}")" "$q" validate --format concise --exit-zero "${some[@]}"
row "check-jsonschema (side by side)" "$side lists" "$venv/bin/check-jsonschema" --schemafile schema/qingdan.schema.json "${some[@]}"
row "yamllint -d relaxed (side by side)" "$side lists" "$venv/bin/yamllint" -d relaxed "${some[@]}"
start=$(date +%s%N); for _ in $(seq 100); do "$q" --version > /dev/null; done; end=$(date +%s%N)
echo "| qingdan --version | — | $(( (end - start) / 100000000 )).$(( (end - start) / 10000000 % 10 )) ms mean of 100 | — |"
rm -rf "$tmp"
