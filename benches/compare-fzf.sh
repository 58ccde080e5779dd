#!/usr/bin/env bash
# benches/compare-fzf.sh: `aigov search` against `fzf --filter` on the same records.
# Writes N synthetic events + N quotes as TOML (for aigov) and as one line per record
# (for fzf), then times both end to end, load included, and prints the ratios.
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
BIN=target/release/aigov
echo "$N events + $N quotes: $(du -m "$DIR/synth.toml" | cut -f1) MiB TOML, $(wc -l <"$DIR/lines.txt") lines; fzf $(fzf --version | cut -d' ' -f1)"
t() { # seconds and peak RSS (MiB) of a command, output discarded
  /usr/bin/time -f "%e %M" "$@" 2>&1 >/dev/null | tail -1
}
printf '%-22s %10s %10s %8s %12s %12s\n' query aigov fzf ratio "aigov peak" "fzf peak"
for q in "${QUERIES[@]}"; do
  read -r a am < <(t "$BIN" --data "$DIR/synth.toml" search --limit 20 "$q")
  read -r f fm < <(t fzf --filter "$q" <"$DIR/lines.txt")
  printf '%-22s %9ss %9ss %7.2fx %9dMiB %9dMiB\n' "$q" "$a" "$f" "$(echo "$a / $f" | bc -l)" $((am / 1024)) $((fm / 1024))
done
