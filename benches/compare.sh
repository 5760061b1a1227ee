#!/usr/bin/env bash
# Side by side: times banmian's release binary against what a user would otherwise
# run on the same generated corpus (see benches/README.md), and prints ratios:
# - the floor: `cat` and `wc -m` (UTF-8 decoding) over the same bytes;
# - conversion alone: the OpenCC command-line tool (t2s) on a Traditional copy of
#   the corpus, against `banmian --convert t2s` on the same text;
# - peak memory of a run over all pages and over a fifth of them.
# Each command runs RUNS times (default 3); the best wall time counts.
# Environment: RUNS, WORK (a folder to keep the corpus in between runs),
# BANMIAN_BENCH_MB / BANMIAN_BENCH_SMALL (corpus size, as for the benches).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
work=${WORK:-$(mktemp -d)}
export LC_ALL=C.UTF-8

cargo build --release --quiet --bin banmian --example bench_corpus
if [ ! -f "$work/trad.jsonl" ]; then
  ./target/release/examples/bench_corpus "$work" --traditional
fi
if ! command -v opencc > /dev/null; then
  { apt-get install -y -qq opencc > /dev/null 2>&1 || (apt-get update -qq && apt-get install -y -qq opencc > /dev/null 2>&1); } \
    || echo "compare.sh: opencc not installed and not installable here; its line is skipped" >&2
fi
bin=$PWD/target/release/banmian
bytes=$(wc -c < "$work/all.txt")
trad_bytes=$(wc -c < "$work/trad.txt")
cores=$(nproc)

# best NAME CMD...: runs CMD $runs times (output to /dev/null), keeps the best time in ns.
declare -A best
best() {
  local name=$1; shift
  local b=0 s e t
  for _ in $(seq "$runs"); do
    s=$(date +%s%N)
    "$@" > /dev/null
    e=$(date +%s%N)
    t=$((e - s))
    if [ "$b" -eq 0 ] || [ "$t" -lt "$b" ]; then b=$t; fi
  done
  best[$name]=$b
}

best cat cat "$work/all.txt"
best wc wc -m "$work/all.txt"
best tree_1t "$bin" "$work/pages" --jsonl -o /dev/null --quiet -j 1
best tree "$bin" "$work/pages" --jsonl -o /dev/null --quiet
best stream sh -c "'$bin' --input-jsonl --jsonl --quiet < '$work/pages.jsonl'"
best t2s_1t sh -c "'$bin' --input-jsonl --jsonl --quiet --convert t2s -j 1 < '$work/trad.jsonl'"
best t2s sh -c "'$bin' --input-jsonl --jsonl --quiet --convert t2s < '$work/trad.jsonl'"
if command -v opencc > /dev/null; then
  best opencc opencc -c t2s.json -i "$work/trad.txt" -o /dev/null
fi

mbps() { awk -v b="$1" -v t="$2" 'BEGIN { printf "%8.1f", b / 1e6 / (t / 1e9) }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }
row() { # name, bytes, what
  printf "%-10s %8.2f s  %s MB/s  %s\n" "$1" "$(awk -v t="${best[$1]}" 'BEGIN { print t / 1e9 }')" "$(mbps "$2" "${best[$1]}")" "$3"
}

echo
echo "banmian side by side: $(awk -v b="$bytes" 'BEGIN { printf "%.1f", b / 1e6 }') MB of pages ($(ls "$work/pages" | wc -l) files), best of $runs runs, $cores cores"
echo "machine: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
row cat "$bytes" "cat > /dev/null"
row wc "$bytes" "wc -m (UTF-8 decoding): the floor"
row tree_1t "$bytes" "banmian DIR --jsonl -j 1"
row tree "$bytes" "banmian DIR --jsonl (all cores)"
row stream "$bytes" "banmian --input-jsonl --jsonl (all cores)"
row t2s_1t "$trad_bytes" "banmian --input-jsonl --convert t2s -j 1 (Traditional copy)"
row t2s "$trad_bytes" "banmian --input-jsonl --convert t2s (all cores)"
if [ -n "${best[opencc]:-}" ]; then row opencc "$trad_bytes" "opencc -c t2s.json (conversion alone)"; fi
echo
echo "ratios (throughput, higher is better for banmian):"
echo "  banmian -j 1 / floor (wc -m):           $(ratio "${best[wc]}" "${best[tree_1t]}")"
echo "  banmian all cores / floor (wc -m):      $(ratio "${best[wc]}" "${best[tree]}")"
echo "  banmian ${cores} threads / 1 thread:           $(ratio "${best[tree_1t]}" "${best[tree]}")"
if [ -n "${best[opencc]:-}" ]; then
  echo "  banmian t2s -j 1 / opencc t2s alone:    $(ratio "${best[opencc]}" "${best[t2s_1t]}")"
  echo "  banmian t2s all cores / opencc t2s:     $(ratio "${best[opencc]}" "${best[t2s]}")"
fi

# Peak memory: all pages, and the first fifth of them (stream mode).
lines=$(wc -l < "$work/pages.jsonl")
head -n $((lines / 5)) "$work/pages.jsonl" > "$work/fifth.jsonl"
rss_all=$(/usr/bin/time -f %M sh -c "'$bin' --input-jsonl --jsonl --quiet < '$work/pages.jsonl' > /dev/null" 2>&1 | tail -n 1)
rss_fifth=$(/usr/bin/time -f %M sh -c "'$bin' --input-jsonl --jsonl --quiet < '$work/fifth.jsonl' > /dev/null" 2>&1 | tail -n 1)
echo "  peak memory, all $lines pages: ${rss_all} KB; first $((lines / 5)) pages: ${rss_fifth} KB"
