#!/usr/bin/env bash
# benches/compare-fzf.sh: `aigov search` against `fzf --filter` on the same records.
# Writes N synthetic events + N quotes as TOML (for aigov) and as one line per record
# (for fzf), then times both end to end, load included (aigov from its load cache after
# a first run, and without the cache), and prints the ratios.
# Usage: benches/compare-fzf.sh [N] [QUERY...]   (default 100000 "gouvernance m")
set -euo pipefail
cd "$(dirname "$0")/.."
N=${1:-100000}
shift || true
QUERIES=("$@")
[ ${#QUERIES[@]} -eq 0 ] && QUERIES=("gouvernance m" "fragmentee" "sécurité équitable" "'l'ia")
if ! command -v fzf >/dev/null; then
  apt-get install -y fzf >/dev/null
fi
DIR=$(mktemp -d /tmp/aigov-fzf-XXXX)
trap 'rm -rf "$DIR"' EXIT
cargo build --release --quiet
AIGOV_SYNTH_OUT="$DIR" AIGOV_BENCH_EVENTS="$N" cargo bench --quiet --bench search >/dev/null
BIN=${AIGOV_BIN:-target/release/aigov}  # AIGOV_BIN: another build to compare
echo "$N events + $N quotes: $(cat "$DIR"/synth-*.toml | wc -c | awk "{print int(\$1/1048576)}") MiB TOML, $(wc -l <"$DIR/lines.txt") lines; fzf $(fzf --version | cut -d' ' -f1)"
t() { # seconds and peak RSS (MiB) of a command, output discarded
  /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
}
CACHE=$DIR/cache
# The first run parses the TOML (and writes the load cache); later runs read the cache.
read -r first firstm < <(AIGOV_CACHE_DIR=$CACHE t "$BIN" --data "$DIR" search --limit 20 gouvernance)
echo "first run, TOML parsed: ${first}s, peak $((firstm / 1024)) MiB"
# "no cache": AIGOV_CACHE_DIR empty turns the load cache off (the TOML parsed each time).
printf '%9s %9s %9s %8s %9s %11s %9s  %s\n' aigov "no cache" fzf ratio "no cache" "aigov peak" "fzf peak" query
for q in "${QUERIES[@]}"; do
  read -r a am < <(AIGOV_CACHE_DIR=$CACHE t "$BIN" --data "$DIR" search --limit 20 "$q")
  read -r u _ < <(AIGOV_CACHE_DIR= t "$BIN" --data "$DIR" search --limit 20 "$q")
  read -r f fm < <(t fzf --filter "$q" <"$DIR/lines.txt")
  # The query last: its accents would shift any column after it.
  printf '%8ss %8ss %8ss %7.2fx %8.2fx %8dMiB %6dMiB  %s\n' "$a" "$u" "$f" "$(echo "$a / $f" | bc -l)" \
    "$(echo "$u / $f" | bc -l)" $((am / 1024)) $((fm / 1024)) "$q"
done
