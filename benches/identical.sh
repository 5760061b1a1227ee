#!/usr/bin/env bash
# Byte-identical outputs, before and after a speed change (issue 19):
#   benches/identical.sh run BIN LABEL     runs BIN over every input below and keeps the
#                                          outputs in $IDENT/LABEL and their hashes in
#                                          $IDENT/LABEL.sha256 (outside the repository)
#   benches/identical.sh diff LABEL1 LABEL2  diffs the two hash lists (empty: identical;
#                                          exit status 1 otherwise)
# Inputs: corpus/ (as it is, with --convert t2s, with --punct keep), the seed
# (../shared/gold/seed.txt), evaluation/set as a folder and `banmian eval` on it (the
# table and the JSON), ../shared/realpages as a folder (outputs kept outside the
# repository, never committed), and the 50 MB generated corpus (WORK/c50 of
# compare.sh): the folder with --jsonl, the same pages through --input-jsonl, the
# Traditional copy with --convert t2s, the plain hard-wrapped copy, the sweep, the
# large and the pathological pages. Each run's exit status and stderr (with -q: the
# errors only) are kept and hashed too.
# Environment: IDENT (default /tmp/banmian-identical), WORK (as for compare.sh; the
# corpus is generated there when missing).
set -euo pipefail
cd "$(dirname "$0")/.."
ident=${IDENT:-/tmp/banmian-identical}
work=${WORK:-/tmp/banmian-bench}
export LC_ALL=C.UTF-8

if [ "${1:-}" = diff ]; then
  diff "$ident/$2.sha256" "$ident/$3.sha256" && echo "identical: $2 and $3 ($(wc -l < "$ident/$2.sha256") output files and statuses)"
  exit
fi
[ "${1:-}" = run ] || { echo "usage: identical.sh run BIN LABEL | diff LABEL1 LABEL2" >&2; exit 2; }
bin=$(realpath "$2")
label=$3
o=$ident/$label
rm -rf "$o"
mkdir -p "$o"
c=$work/c50
if [ ! -f "$c/trad.jsonl" ]; then
  cargo build --release --quiet --example bench_corpus
  BANMIAN_BENCH_MB=50 target/release/examples/bench_corpus "$c" --traditional
fi

# one NAME CMD...: runs CMD (stdin from /dev/null unless redirected by the caller),
# stdout to $o/NAME.out, stderr to $o/NAME.err, exit status to $o/NAME.status.
one() {
  local name=$1; shift
  set +e
  "$@" > "$o/$name.out" 2> "$o/$name.err"
  echo $? > "$o/$name.status"
  set -e
}
one corpus "$bin" corpus -o "$o/corpus" -q
one corpus_t2s "$bin" corpus -o "$o/corpus_t2s" -q --convert t2s
one corpus_keep "$bin" corpus -o "$o/corpus_keep" -q --punct keep
one seed "$bin" ../shared/gold/seed.txt
one evalset "$bin" evaluation/set -o "$o/evalset" -q
one eval "$bin" eval evaluation/set --json "$o/eval.json"
one realpages "$bin" ../shared/realpages -o "$o/realpages" -q
one c50 "$bin" "$c/pages" --jsonl -o "$o/c50.jsonl" -q
one c50_stream sh -c "'$bin' --input-jsonl --jsonl -q < '$c/pages.jsonl'"
one trad_t2s "$bin" "$c/trad" --jsonl -o "$o/trad_t2s.jsonl" -q --convert t2s
one wrapped "$bin" "$c/wrapped" --jsonl -o "$o/wrapped.jsonl" -q
one sweep "$bin" "$c/sweep" -o "$o/sweep" -q
one large "$bin" "$c/large" -o "$o/large" -q
one pathological "$bin" "$c/pathological" -o "$o/pathological" -q --max-page-bytes 100000000 --max-page-lines 100000000
(cd "$o" && find . -type f -print0 | sort -z | xargs -0 sha256sum) > "$ident/$label.sha256"
echo "$label: $(wc -l < "$ident/$label.sha256") files hashed in $ident/$label.sha256; statuses: $(cd "$o" && for f in *.status; do printf '%s=%s ' "${f%.status}" "$(cat "$f")"; done)"
