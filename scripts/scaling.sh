#!/usr/bin/env bash
# The same runs at 1×, 4× and 16× the input, to show that time grows
# linearly (a quadratic pass shows as a 16×/1× ratio far above 16) and that
# memory stays flat where it should:
#
# - validate over a tree of lists (125, 500, 2,000 lists of 100 items);
# - validate of one list (1,000, 4,000, 16,000 items), which holds the
#   within-list checks (duplicate codes, the quotation index, 序号 order);
# - diff of two versions of that one list (item matching);
# - parse of many files (3, 12, 48 MB of extracted text);
# - parse of one file made of 4, 16 and 64 copies of a seed, in the vertical
#   layout (the window search), the tab-separated one with scrambled cells
#   (the un-transposition search) and the TSV with HTML; each copy after the
#   first with its prose's characters renamed (gen_corpus --big-copies), so
#   that the document's vocabulary grows with it and passes keyed by
#   character pairs meet as many as a real document of that size has.
#
#   scripts/scaling.sh [WORK_DIR]
#
# Prints a Markdown table of wall time and peak memory (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
work=${1:-target/scaling}
mkdir -p "$work"
cargo build --release --quiet --bin qingdan --example gen_corpus
q=$PWD/target/release/qingdan
gen=$PWD/target/release/examples/gen_corpus

measure() { # prints "seconds MB" for the command
  local t; t=$(mktemp)
  /usr/bin/time -f "%e %M" -o "$t" "$@" > /dev/null 2>&1 || true
  local s m; read -r s m < <(tail -1 "$t"); rm -f "$t"
  echo "$s $((m / 1024))"
}

row() { # label, then three commands' "seconds MB"
  local label=$1 a=$2 b=$3 c=$4
  local a_s=${a% *} c_s=${c% *}
  local ratio; ratio=$(awk -v x="$a_s" -v y="$c_s" 'BEGIN { if (x > 0) printf "%.1f", y / x; else print "—" }')
  printf '| %s | %s s, %s MB | %s s, %s MB | %s s, %s MB | %s |\n' "$label" \
    "${a% *}" "${a#* }" "${b% *}" "${b#* }" "${c% *}" "${c#* }" "$ratio"
}

declare -A r
for k in 1 4 16; do
  dir=$work/x$k
  if [ ! -d "$dir/lists" ]; then
    "$gen" "$dir" --lists $((125 * k)) --text-mb $((3 * k)) > /dev/null 2>&1
  fi
  one=$work/one-x$k
  if [ ! -d "$one/lists" ]; then
    "$gen" "$one" --lists 1 --per-list $((1000 * k)) --text-mb 0 > /dev/null 2>&1
  fi
  list=$(find "$one/lists" -name '*.yaml' | head -1)
  # The next version: every tenth item dropped, every seventh renamed.
  awk '/^  - /{n++} { if (n % 10 != 5) print }' "$list" | sed '0~7 s/    item: /    item: 新/' > "$work/next-x$k.yaml"
  big=$work/big-x$k/big
  if [ ! -d "$big" ]; then
    "$gen" "$work/big-x$k" --text-mb 0 --lists 1 --per-list 1 --big-copies $((4 * k)) > /dev/null 2>&1
  fi
  out=$(mktemp -d)
  r[tree,$k]=$(measure "$q" validate --format concise --exit-zero "$dir/lists")
  r[one,$k]=$(measure "$q" validate --format concise --exit-zero "$list")
  r[diff,$k]=$(measure "$q" diff "$list" "$work/next-x$k.yaml")
  r[parse,$k]=$(measure "$q" parse -q --out-dir "$out" "$dir"/text/*.txt)
  for layout in 000 001 003; do
    r[big$layout,$k]=$(measure "$q" parse -q -o "$out/$layout.yaml" "$big/$layout-x$((4 * k)).txt")
  done
  rm -rf "$out"
done

echo "| run | 1× | 4× | 16× | 16× / 1× time |"
echo "| --- | --- | --- | --- | --- |"
row "validate a tree (125 → 2,000 lists, 12.5k → 200k items)" "${r[tree,1]}" "${r[tree,4]}" "${r[tree,16]}"
row "validate one list (1k → 16k items)" "${r[one,1]}" "${r[one,4]}" "${r[one,16]}"
row "diff two versions of one list (1k → 16k items)" "${r[diff,1]}" "${r[diff,4]}" "${r[diff,16]}"
row "parse many files (3 → 48 MB)" "${r[parse,1]}" "${r[parse,4]}" "${r[parse,16]}"
row "parse one vertical file (4 → 64 copies of seed 000)" "${r[big000,1]}" "${r[big000,4]}" "${r[big000,16]}"
row "parse one tab-separated file with scrambled cells (4 → 64 copies of seed 001)" "${r[big001,1]}" "${r[big001,4]}" "${r[big001,16]}"
row "parse one TSV file with HTML in its cells (4 → 64 copies of seed 003)" "${r[big003,1]}" "${r[big003,4]}" "${r[big003,16]}"
