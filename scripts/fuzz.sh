#!/usr/bin/env bash
# Fuzz ormlint's per-file stage (decode, syn parse, fact extraction, suppression
# comments) for a bounded time. Needs the nightly toolchain and cargo-fuzz; both
# are installed if missing.
#
#   scripts/fuzz.sh [SECONDS]        (default: 300)
#
# The corpus starts from every .rs file of the fixtures, test projects and the
# example. A crash stops the run with exit status 1 and leaves its input in
# fuzz/artifacts/per_file/; turn it into a test in tests/robustness.rs once
# fixed (`cargo +nightly fuzz fmt per_file <artifact>` prints it).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds="${1:-300}"

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked

corpus=fuzz/corpus/per_file
mkdir -p "$corpus"
while IFS= read -r -d '' file; do
  cp "$file" "$corpus/seed-$(sha1sum < "$file" | cut -c1-16)"
done < <(find tests/fixtures tests/projects examples -name '*.rs' -print0)

exec cargo +nightly fuzz run per_file "$corpus" -- \
  -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=10
