#!/usr/bin/env bash
# Compares the working tree's qingdan with an earlier revision's on the
# benchmark corpus: the outputs, which must be the same byte for byte, and
# the time, run in turn so that both see the same spells of the machine
# (its speed drifts by a fifth or more within minutes; one run of each
# proves nothing).
#
#   scripts/compare.sh BASE_REVISION [RUNS] [CORPUS_DIR]
#
# For each case, prints the fastest and the middle run's CPU time (user +
# system) of each version: parse of each layout on one thread, validate of
# the tree on every core. Exits non-zero when an output differs.
set -euo pipefail
cd "$(dirname "$0")/.."
base_rev=${1:?usage: scripts/compare.sh BASE_REVISION [RUNS] [CORPUS_DIR]}
runs=${2:-5}
corpus=${3:-target/bench-corpus}
work=target/compare

cargo build --release --quiet --bin qingdan --example gen_corpus
[ -d "$corpus/lists" ] || target/release/examples/gen_corpus "$corpus" >&2
mkdir -p "$work/out"
cp target/release/qingdan "$work/new"

# The base revision, built in a worktree of its own.
rm -rf "$work/tree"
git worktree add --quiet --detach "$work/tree" "$base_rev"
trap 'git worktree remove --force "$work/tree" 2>/dev/null || true' EXIT
(cd "$work/tree" && cargo build --release --quiet --bin qingdan --target-dir ../target-base)
cp "$work/target-base/release/qingdan" "$work/base"

# Outputs: the JSON report of the tree, and what parse writes for each text.
same=true
for v in base new; do
  "$work/$v" validate --format json --exit-zero "$corpus/lists" > "$work/$v.json" 2>/dev/null || true
  rm -rf "$work/$v-parsed" && mkdir -p "$work/$v-parsed"
  "$work/$v" parse -q --format json --out-dir "$work/$v-parsed" "$corpus"/text/*.txt 2> "$work/$v-parse.json" || true
done
cmp -s "$work/base.json" "$work/new.json" || { echo "validate reports differ: $work/{base,new}.json" >&2; same=false; }
diff -rq "$work/base-parsed" "$work/new-parsed" >&2 || { echo "parse outputs differ" >&2; same=false; }
cmp -s "$work/base-parse.json" "$work/new-parse.json" || { echo "parse diagnostics differ" >&2; same=false; }

# CPU seconds of one run of `$@`.
cpu() {
  local t; t=$(mktemp)
  /usr/bin/time -f '%U %S' -o "$t" "$@" > /dev/null 2>&1 || true
  awk '{printf "%.2f\n", $1 + $2}' "$t"; rm -f "$t"
}

# Fastest and middle of the numbers on stdin.
summary() { sort -n | awk '{v[NR] = $1} END {printf "%.2f s | %.2f s", v[1], v[int((NR + 1) / 2)]}'; }

case_row() {
  local label=$1; shift
  local b n; b=$(mktemp); n=$(mktemp)
  for _ in $(seq "$runs"); do
    cpu "$work/base" "$@" >> "$b"
    cpu "$work/new" "$@" >> "$n"
  done
  printf '| %s | %s | %s |\n' "$label" "$(summary < "$b")" "$(summary < "$n")"
  rm -f "$b" "$n"
}

echo "| case | $base_rev: fastest | middle | working tree: fastest | middle |"
echo "| --- | --- | --- | --- | --- |"
for layout in 000 001 003 004; do
  # One thread, whichever variable the version reads.
  QINGDAN_THREADS=1 RAYON_NUM_THREADS=1 case_row "parse, seed $layout's layout, one thread" \
    parse -q --out-dir "$work/out" "$corpus"/text/"$layout"-*.txt
done
case_row "validate, the tree" validate --format concise --exit-zero "$corpus/lists"
$same
