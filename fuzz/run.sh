#!/usr/bin/env bash
# Runs each fuzz target for SECONDS (default 600), two at a time, starting
# from the seeds and fixtures. Needs cargo-fuzz (`cargo install cargo-fuzz`);
# RUSTC_BOOTSTRAP lets the stable toolchain build the sanitizer flags.
set -euo pipefail
cd "$(dirname "$0")"
seconds=${1:-600}
mkdir -p corpus/parse corpus/validate corpus/fmt corpus/diff
cp ../seeds/00[0134]*.txt ../fixtures/*.txt ../fixtures/*.html ../fixtures/*.htm ../fixtures/*.docx ../fixtures/*.csv corpus/parse/
cp ../fixtures/*.yaml ../fixtures/diff/*.yaml corpus/validate/
cp ../fixtures/*.yaml ../fixtures/diff/*.yaml corpus/fmt/
cat ../fixtures/diff/old.yaml <(printf '\0') ../fixtures/diff/new.yaml > corpus/diff/pair
export RUSTC_BOOTSTRAP=1
cargo fuzz build -O
run() { cargo fuzz run -O "$1" "corpus/$1" -- -max_total_time="$seconds" -rss_limit_mb=4096 -max_len=262144 2>&1 | tail -n 5; }
run parse & run validate & wait
run fmt & run diff & wait
for t in parse validate fmt diff; do echo "$t: $(ls corpus/$t | wc -l) inputs in the corpus"; done
