#!/usr/bin/env bash
# The figures of the speed issue (19), on the corpus frozen for it (benches/README.md
# gives its hashes; the script checks them), in wall time, CPU time and callgrind
# instructions. Instruction counts do not depend on the machine's load; times do (this
# machine's 2 cores are shared with other engineers compiling: the load average runs
# from 2 to over 10), so times are the best of RUNS runs and CPU time (user + system)
# is given beside wall time. Parts, chosen by PARTS (default: all of them):
#   time     the whole run on one thread (`banmian DIR --jsonl -j 1`) against the floor
#            tool (`measure floor`: read, validate UTF-8, walk every line and char),
#            `cat` and `wc -m`, on the bench corpus and on its plain hard-wrapped copy;
#            `--convert t2s` against the converter alone (`measure t2s`) and the rest of
#            the pipeline alone (the same Traditional pages without conversion).
#   instr    the same ratios in instructions (callgrind), on the first INSTR_PAGES pages
#            (default 725, about 5 MB) of each folder; keeps the profile of the bench
#            slice as $WORK/callgrind.LABEL.pages for callgrind_annotate.
#   sweep    the page-size sweep (1x, 10x, 100x; distinct text, many duplicates, one page
#            repeated): instructions of one page alone (`measure pages` under callgrind
#            with --toggle-collect, start-up and one-time compilation left out) and its
#            best wall time.
#   scaling  CPU time at -j 2 against -j 1 over the whole corpus, the wall-time ratio,
#            and the share of the -j 2 run spent with one runnable thread (serial
#            phases; benches/threads.py samples /proc every 2 ms).
#   memory   peak RSS (median of RUNS) of `--input-jsonl` runs over 1,000 and 10,000 pages (-j 1 and
#            -j 2) and of folder runs over 1,000 and 10,000 files; peak RSS of one page
#            of 1 MB or more alone, as a multiple of its size (raw, and above the peak of
#            a small page); the pathological pages, reported.
# Environment: RUNS (default 3), WORK (where the corpus and figures stay; default
# /tmp/banmian-bench), BIN (the banmian binary to measure; default: this tree's release
# build, built here), LABEL (names the figures file $WORK/figures.LABEL; default
# "current"), PARTS, INSTR_PAGES, TOOLS (a folder holding `measure` and `bench_corpus`;
# default: this tree's examples, built here). `measure pages` (the sweep) links the
# library: for another commit's figures, give TOOLS built from that commit.
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-3}
work=${WORK:-/tmp/banmian-bench}
label=${LABEL:-current}
parts=${PARTS:-time instr sweep scaling memory}
slice=${INSTR_PAGES:-725}
export LC_ALL=C.UTF-8
mkdir -p "$work"

# The corpus frozen for issue 19 (50,003,582 bytes, 7216 pages): hashes of
# bench_corpus's pages.jsonl, trad.jsonl and wrapped.txt at BANMIAN_BENCH_MB=50.
frozen_pages=a1fdb44b416284bb523ae8e72fafe708b381b6f15de2783e9fe577f2119aabcd
frozen_trad=79d0d4e255e70e0916894d285d2505d21dcd1764a8a27d9128443c0ab48bbb15
frozen_wrapped=148a7b0852cba0cfe800ec7c3856530f417d0855e071216f894287373aef59de

if [ -z "${TOOLS:-}" ]; then
  cargo build --release --quiet --example bench_corpus --example measure
fi
tools=${TOOLS:-$PWD/target/release/examples}
if [ -z "${BIN:-}" ]; then
  cargo build --release --quiet --bin banmian
  BIN=$PWD/target/release/banmian
fi
bin=$BIN
c=$work/c50
if [ ! -f "$c/trad.jsonl" ]; then
  BANMIAN_BENCH_MB=50 "$tools/bench_corpus" "$c" --traditional
fi
check() { # file, hash
  local h
  h=$(sha256sum "$1" | cut -d' ' -f1)
  if [ "$h" != "$2" ]; then
    echo "compare.sh: $1 is not the frozen corpus (sha256 $h, frozen $2): figures are not comparable" >&2
  fi
}
check "$c/pages.jsonl" "$frozen_pages"
check "$c/trad.jsonl" "$frozen_trad"
check "$c/wrapped.txt" "$frozen_wrapped"

figures=$work/figures.$label
# Appended to: a later run of some PARTS adds its lines, the last value of a key counts.
put() { echo "$1=$2" >> "$figures"; }
bytes() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }'; }
mb() { awk -v b="$(bytes "$1")" 'BEGIN { printf "%.1f", b / 1e6 }'; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.3f", a / b }'; }

# timed NAME CMD...: runs CMD $runs times (stdout and stderr to /dev/null); keeps the
# best wall time and the best CPU time (user + system), in seconds.
declare -A wall cpu
timed() {
  local name=$1; shift
  local w=0 u=0 e s t
  for _ in $(seq "$runs"); do
    /usr/bin/time -o "$work/time.out" -f '%e %U %S' "$@" > /dev/null 2> /dev/null
    read -r e s t < "$work/time.out"
    w=$(awk -v a="$w" -v b="$e" 'BEGIN { print (a == 0 || b < a) ? b : a }')
    u=$(awk -v a="$u" -v b="$s" -v c="$t" 'BEGIN { x = b + c; print (a == 0 || x < a) ? x : a }')
  done
  wall[$name]=$w
  cpu[$name]=$u
  put "wall.$name" "$w"
  put "cpu.$name" "$u"
}
row() { # name, bytes, what
  printf "  %-44s %7.2f s wall %7.2f s CPU  %7.1f MB/s (CPU)\n" "$3" "${wall[$1]}" "${cpu[$1]}" \
    "$(awk -v b="$2" -v t="${cpu[$1]}" 'BEGIN { print (t > 0) ? b / 1e6 / t : 0 }')"
}

# ir NAME CMD...: the instructions callgrind counts for CMD (all threads).
declare -A instr
ir() {
  local name=$1; shift
  local out=$work/callgrind.$label.$name
  valgrind --tool=callgrind --callgrind-out-file="$out" "$@" > /dev/null 2> "$work/valgrind.log"
  instr[$name]=$(grep -m1 -E '^(summary|totals):' "$out" | awk '{ print $2 }')
  put "ir.$name" "${instr[$name]}"
}

# runs_of HOW DIR PREFIX: the seven commands the time and instr parts measure, one
# list for both: HOW (timed or ir) NAME CMD... for the floor tool and banmian on the
# bench pages, on the hard-wrapped copy, and the converter alone, banmian with t2s and
# banmian without it on the Traditional copy, all under DIR. The banmian runs are
# named PREFIX + their name (the time part's names, run_1t, ..., are kept as they were
# in earlier figures files; the instr part's are pages, wrapped, t2s, trad).
runs_of() {
  local how=$1 d=$2 p=$3
  local n_pages=pages n_wrapped=wrapped n_t2s=t2s n_trad=trad
  if [ -n "$p" ]; then n_pages=${p}1t n_wrapped=${p}wrapped_1t n_t2s=${p}t2s_1t n_trad=${p}trad_1t; fi
  "$how" floor "$tools/measure" floor "$d/pages"
  "$how" "$n_pages" "$bin" "$d/pages" --jsonl -o /dev/null -q -j 1
  "$how" floor_wrapped "$tools/measure" floor "$d/wrapped"
  "$how" "$n_wrapped" "$bin" "$d/wrapped" --jsonl -o /dev/null -q -j 1
  "$how" t2s_alone "$tools/measure" t2s "$d/trad"
  "$how" "$n_t2s" "$bin" "$d/trad" --jsonl -o /dev/null -q -j 1 --convert t2s
  "$how" "$n_trad" "$bin" "$d/trad" --jsonl -o /dev/null -q -j 1
}

echo "banmian speed figures ($label): binary $bin"
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "corpus: $c ($(ls "$c/pages" | wc -l) pages, $(mb "$c/pages") MB; plain hard-wrapped copy $(mb "$c/wrapped") MB; Traditional copy $(mb "$c/trad") MB)"
put load "$(cut -d' ' -f1 /proc/loadavg)"

if [[ " $parts " == *" time "* ]]; then
  b_pages=$(bytes "$c/pages")
  b_wrapped=$(bytes "$c/wrapped")
  b_trad=$(bytes "$c/trad")
  timed cat cat "$c/all.txt"
  timed wc wc -m "$c/all.txt"
  runs_of timed "$c" run_
  echo
  echo "time (best of $runs; MB/s from CPU time):"
  row cat "$b_pages" "cat all.txt"
  row wc "$b_pages" "wc -m all.txt"
  row floor "$b_pages" "floor tool, bench pages"
  row run_1t "$b_pages" "banmian DIR --jsonl -j 1, bench pages"
  row floor_wrapped "$b_wrapped" "floor tool, hard-wrapped pages"
  row run_wrapped_1t "$b_wrapped" "banmian -j 1, hard-wrapped pages"
  row t2s_alone "$b_trad" "converter alone (t2s), Traditional pages"
  row run_t2s_1t "$b_trad" "banmian -j 1 --convert t2s"
  row run_trad_1t "$b_trad" "banmian -j 1, same pages, no conversion"
  rest=$(awk -v a="${cpu[run_t2s_1t]}" -v b="${cpu[t2s_alone]}" 'BEGIN { print a - b }')
  echo "ratios (throughput; CPU time, wall time in brackets):"
  echo "  banmian / floor tool, bench pages:        $(ratio "${cpu[floor]}" "${cpu[run_1t]}") ($(ratio "${wall[floor]}" "${wall[run_1t]}"))   target >= 0.20"
  echo "  banmian / floor tool, hard-wrapped pages: $(ratio "${cpu[floor_wrapped]}" "${cpu[run_wrapped_1t]}") ($(ratio "${wall[floor_wrapped]}" "${wall[run_wrapped_1t]}"))   target >= 0.15"
  echo "  banmian / wc -m:                          $(ratio "${cpu[wc]}" "${cpu[run_1t]}") ($(ratio "${wall[wc]}" "${wall[run_1t]}"))"
  echo "  banmian with t2s / converter alone:       $(ratio "${cpu[t2s_alone]}" "${cpu[run_t2s_1t]}") ($(ratio "${wall[t2s_alone]}" "${wall[run_t2s_1t]}"))   target >= 0.75"
  echo "  the rest of the pipeline (no conversion): $(awk -v b="$b_trad" -v t="${cpu[run_trad_1t]}" 'BEGIN { printf "%.1f", b / 1e6 / t }') MB/s; with t2s less the converter: $(awk -v b="$b_trad" -v t="$rest" 'BEGIN { printf "%.1f", (t > 0) ? b / 1e6 / t : 0 }') MB/s"
fi

if [[ " $parts " == *" instr "* ]]; then
  for f in pages wrapped trad; do
    if [ ! -d "$work/slice$slice/$f" ]; then
      mkdir -p "$work/slice$slice/$f"
      find "$c/$f" -type f | sort | awk -v n="$slice" 'NR <= n' | xargs -I{} ln -f {} "$work/slice$slice/$f/"
    fi
  done
  s=$work/slice$slice
  sb_pages=$(bytes "$s/pages"); sb_wrapped=$(bytes "$s/wrapped"); sb_trad=$(bytes "$s/trad")
  runs_of ir "$s" ""
  perb() { awk -v i="$1" -v b="$2" 'BEGIN { printf "%.1f", i / b }'; }
  echo
  echo "instructions (callgrind, whole process, first $slice pages: $(awk -v b="$sb_pages" 'BEGIN { printf "%.2f", b / 1e6 }') MB bench, $(awk -v b="$sb_wrapped" 'BEGIN { printf "%.2f", b / 1e6 }') MB wrapped, $(awk -v b="$sb_trad" 'BEGIN { printf "%.2f", b / 1e6 }') MB Traditional):"
  for n in floor pages floor_wrapped wrapped t2s_alone t2s trad; do
    case $n in floor|pages) b=$sb_pages ;; floor_wrapped|wrapped) b=$sb_wrapped ;; *) b=$sb_trad ;; esac
    printf "  %-14s %14s instructions  %7s per byte\n" "$n" "${instr[$n]}" "$(perb "${instr[$n]}" "$b")"
  done
  echo "ratios (instructions of the floor / of banmian, higher is better):"
  echo "  bench pages:        $(ratio "${instr[floor]}" "${instr[pages]}")   target >= 0.20"
  echo "  hard-wrapped pages: $(ratio "${instr[floor_wrapped]}" "${instr[wrapped]}")   target >= 0.15"
  echo "  t2s: converter alone / banmian with t2s: $(ratio "${instr[t2s_alone]}" "${instr[t2s]}")   target >= 0.75; the pipeline alone on those pages: $(perb "${instr[trad]}" "$sb_trad") per byte"
fi

if [[ " $parts " == *" sweep "* ]]; then
  echo
  echo "page-size sweep (one page alone: instructions by callgrind --toggle-collect='*measured*', best wall time of 3):"
  "$tools/measure" pages --runs 3 "$c"/sweep/*.md > "$work/sweep.times"
  for kind in distinct duplicates repeated; do
    line="  $kind:"
    for n in 1 10 100; do
      f=$c/sweep/${kind}_${n}x.md
      out=$work/callgrind.$label.sweep_${kind}_${n}
      valgrind --tool=callgrind --toggle-collect='*measured*' --callgrind-out-file="$out" "$tools/measure" pages --runs 1 "$f" \
        > /dev/null 2> "$work/valgrind.log"
      i=$(grep -m1 -E '^(summary|totals):' "$out" | awk '{ print $2 }')
      b=$(stat -c %s "$f")
      t=$(grep -F "${kind}_${n}x.md" "$work/sweep.times" | cut -f3)
      put "sweep.$kind.$n.bytes" "$b"; put "sweep.$kind.$n.ir" "$i"; put "sweep.$kind.$n.ns" "$t"
      eval "b$n=$b i$n=$i t$n=$t"
      line+=" ${n}x $b B $i Ir $(awk -v t="$t" 'BEGIN { printf "%.2f", t / 1e6 }') ms;"
    done
    echo "$line"
    # The cost of 100x (10x) the bytes: instructions (time) ratio scaled to exactly 100x (10x) the bytes.
    echo "    10x: $(awk -v a="$i10" -v b="$i1" -v x="$b10" -v y="$b1" 'BEGIN { printf "%.1f", a / b * 10 / (x / y) }')x the instructions ($(awk -v a="$t10" -v b="$t1" -v x="$b10" -v y="$b1" 'BEGIN { printf "%.1f", a / b * 10 / (x / y) }')x the time) for 10x the bytes;" \
      "100x: $(awk -v a="$i100" -v b="$i1" -v x="$b100" -v y="$b1" 'BEGIN { printf "%.1f", a / b * 100 / (x / y) }')x the instructions ($(awk -v a="$t100" -v b="$t1" -v x="$b100" -v y="$b1" 'BEGIN { printf "%.1f", a / b * 100 / (x / y) }')x the time) for 100x the bytes (target <= 120x)"
    put "sweep.$kind.scaled100.ir" "$(awk -v a="$i100" -v b="$i1" -v x="$b100" -v y="$b1" 'BEGIN { printf "%.1f", a / b * 100 / (x / y) }')"
  done
fi

if [[ " $parts " == *" scaling "* ]]; then
  timed j1 "$bin" "$c/pages" --jsonl -o /dev/null -q -j 1
  timed j2 "$bin" "$c/pages" --jsonl -o /dev/null -q -j 2
  read -r sw ss s0 s1 s2 < <(python3 benches/threads.py 2 "$bin" "$c/pages" --jsonl -o /dev/null -q -j 2)
  put serial.share "$s1"
  echo
  echo "scaling (whole corpus, best of $runs):"
  echo "  -j 1: ${wall[j1]} s wall, ${cpu[j1]} s CPU; -j 2: ${wall[j2]} s wall, ${cpu[j2]} s CPU"
  echo "  CPU time -j 2 / -j 1: $(ratio "${cpu[j2]}" "${cpu[j1]}") (target <= 1.05); wall time -j 1 / -j 2: $(ratio "${wall[j1]}" "${wall[j2]}") (the speed-up: bounded by free cores, load average $(cut -d' ' -f1 /proc/loadavg))"
  echo "  -j 2 run sampled every 2 ms ($ss samples, ${sw} s): one runnable thread $(awk -v x="$s1" 'BEGIN { printf "%.1f", 100 * x }')% of the time (serial phases; target <= 2%), none $(awk -v x="$s0" 'BEGIN { printf "%.1f", 100 * x }')%, two or more $(awk -v x="$s2" 'BEGIN { printf "%.1f", 100 * x }')%"
fi

if [[ " $parts " == *" memory "* ]]; then
  if [ ! -f "$work/c70/pages.jsonl" ]; then
    BANMIAN_BENCH_MB=70 "$tools/bench_corpus" "$work/c70" --pages-only
  fi
  head -n 1000 "$work/c70/pages.jsonl" > "$work/p1000.jsonl"
  head -n 10000 "$work/c70/pages.jsonl" > "$work/p10000.jsonl"
  for n in 1000 10000; do
    if [ ! -d "$work/dir$n" ]; then
      mkdir -p "$work/dir$n"
      find "$work/c70/pages" -type f | sort | awk -v n="$n" 'NR <= n' | xargs -I{} ln -f {} "$work/dir$n/"
    fi
  done
  # peak INPUT CMD...: the peak RSS in KB of CMD (stdin from INPUT), the median of $runs
  # runs (with two threads it moves by 10-15% between runs: which pages are in flight
  # together, and in which malloc arena, varies); the runs' range goes to $work/peak.range.
  peak() {
    local input=$1; shift
    local all=()
    for _ in $(seq "$runs"); do
      /usr/bin/time -o "$work/time.out" -f '%M' "$@" < "$input" > /dev/null 2> /dev/null
      all+=("$(tail -n 1 "$work/time.out")")
    done
    printf '%s\n' "${all[@]}" | sort -n | awk '{ v[NR] = $1 } END { print v[int((NR + 1) / 2)] }'
    printf '%s\n' "${all[@]}" | sort -n | awk 'NR == 1 { lo = $1 } { hi = $1 } END { print lo "-" hi }' > "$work/peak.range"
  }
  echo
  echo "memory (peak RSS, KB, median of $runs runs; range in brackets):"
  for j in 1 2; do
    m1=$(peak "$work/p1000.jsonl" "$bin" --input-jsonl --jsonl -q -j $j); r1=$(cat "$work/peak.range")
    m10=$(peak "$work/p10000.jsonl" "$bin" --input-jsonl --jsonl -q -j $j); r10=$(cat "$work/peak.range")
    put "rss.stream.j$j.1000" "$m1"; put "rss.stream.j$j.10000" "$m10"
    echo "  --input-jsonl -j $j: 1,000 pages $m1 ($r1), 10,000 pages $m10 ($r10): $(ratio "$m10" "$m1")x (target <= 1.1x)"
    m1=$(peak /dev/null "$bin" "$work/dir1000" --jsonl -o /dev/null -q -j $j); r1=$(cat "$work/peak.range")
    m10=$(peak /dev/null "$bin" "$work/dir10000" --jsonl -o /dev/null -q -j $j); r10=$(cat "$work/peak.range")
    put "rss.tree.j$j.1000" "$m1"; put "rss.tree.j$j.10000" "$m10"
    echo "  DIR --jsonl -j $j:    1,000 files $m1 ($r1), 10,000 files $m10 ($r10): $(ratio "$m10" "$m1")x (target <= 1.1x)"
  done
  base=$(peak /dev/null "$bin" "$c/sweep/distinct_1x.md" -o /dev/null -q)
  put rss.base "$base"
  echo "  one page alone (peak RSS / page size; in brackets, above the $base KB of a 7 KB page; target <= 6x):"
  for f in "$c"/large/*; do
    m=$(peak /dev/null "$bin" "$f" -o /dev/null -q)
    b=$(stat -c %s "$f")
    put "rss.page.$(basename "$f")" "$m"
    echo "    $(basename "$f") ($(awk -v b="$b" 'BEGIN { printf "%.2f", b / 1e6 }') MB): $m KB = $(awk -v m="$m" -v b="$b" 'BEGIN { printf "%.1f", m * 1024 / b }')x ($(awk -v m="$m" -v z="$base" -v b="$b" 'BEGIN { printf "%.1f", (m - z) * 1024 / b }')x)"
  done
  echo "  pathological pages (reported, not gated):"
  for f in "$c"/pathological/*; do
    m=$(peak /dev/null "$bin" "$f" -o /dev/null -q --max-page-bytes 100000000 --max-page-lines 100000000)
    b=$(stat -c %s "$f")
    put "rss.pathological.$(basename "$f")" "$m"
    echo "    $(basename "$f") ($(awk -v b="$b" 'BEGIN { printf "%.2f", b / 1e6 }') MB): $m KB = $(awk -v m="$m" -v b="$b" 'BEGIN { printf "%.1f", m * 1024 / b }')x ($(awk -v m="$m" -v z="$base" -v b="$b" 'BEGIN { printf "%.1f", (m - z) * 1024 / b }')x)"
  done
fi
echo
echo "figures: $figures"
