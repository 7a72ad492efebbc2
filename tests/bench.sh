#!/usr/bin/env bash
# `make bench`: documents per second at -j1 and -j2 and peak memory
# (/usr/bin/time -v), for the English and Chinese corpus copied to >= 1,000
# documents, for md+akn and (once the PDF emitter converts) pdf.
# A benchmark, not a test: it prints figures. It also checks that md+akn over
# >= 200 documents that convert is >= 1.5x faster with -j2 than with -j1.
set -uo pipefail

BIN=${BIN:-target/release/unres}
SHARED=${SHARED:-../shared}
N=${N:-1000}
REPEAT=${REPEAT:-3}

[ -x "$BIN" ] || { echo "bench: $BIN not built (make build)"; exit 1; }
[ -x /usr/bin/time ] || { echo "bench: /usr/bin/time missing (make deps)"; exit 1; }
REF=$SHARED/corpus/zh/A_RES_59_159.txt
[ -f "$REF" ] || REF=samples/A_RES_59_159.txt

# On tmpfs when there is one: the figures are the converter's, not the disk's
# (on a busy shared virtual disk, creating a file can take over a millisecond).
# BENCH_TMP=/some/disk/dir measures a real disk instead.
BENCH_TMP=${BENCH_TMP:-$( [ -d /dev/shm ] && [ -w /dev/shm ] && echo /dev/shm || echo "${TMPDIR:-/tmp}" )}
work=$(mktemp -d "$BENCH_TMP/unres-bench.XXXXXX")
trap 'rm -rf "$work"' EXIT

# Set "mixed": every English extraction, the Security Council texts and the
# Chinese reference, copied round by round to >= N documents.
sources=("$REF")
if [ -d "$SHARED/corpus" ]; then
  sources+=("$SHARED"/corpus/en/*.txt "$SHARED"/corpus/sc/en/*.gold.txt)
else
  echo "bench: $SHARED not found: the mixed set holds the reference only"
fi
n=0; round=0
while [ $n -lt "$N" ]; do
  d=$work/mixed/r$(printf %03d $round); mkdir -p "$d"
  for s in "${sources[@]}"; do cp "$s" "$d/"; n=$((n + 1)); done
  round=$((round + 1))
done
mixed=$n
# Set "zh": N copies of the Chinese reference (documents that all convert).
for i in $(seq 1 "$N"); do
  d=$work/zh/d$((i % 20)); mkdir -p "$d"; cp "$REF" "$d/R$i.txt"
done

formats=("md,akn")
if "$BIN" convert "$REF" --to pdf -q -o "$work/probe" 2>/dev/null; then
  formats+=("pdf")
else
  echo "bench: --to pdf does not convert yet: pdf figures left out"
fi

# run SET FORMATS JOBS -> prints "seconds maxrss_kb converted failed cpu_seconds" (best of REPEAT)
run() {
  local best="" line
  for _ in $(seq 1 "$REPEAT"); do
    rm -rf "$work/out"
    local t0 t1
    t0=$(date +%s.%N)
    /usr/bin/time -v -o "$work/time.txt" "$BIN" convert "$work/$1" --to "$2" -j "$3" \
      -o "$work/out" --report "$work/report.json" 2>"$work/stderr.txt" >/dev/null
    t1=$(date +%s.%N)
    local rss conv fail cpu
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$work/time.txt")
    cpu=$(awk -F': ' '/User time|System time/ {s += $2} END {print s}' "$work/time.txt")
    read -r conv fail < <(python3 -c 'import json,sys; t=json.load(open(sys.argv[1]))["totals"]; print(t["converted"], t["failed"])' "$work/report.json")
    line="$(echo "$t1 - $t0" | bc -l) $rss $conv $fail $cpu"
    if [ -z "$best" ] || (( $(echo "${line%% *} < ${best%% *}" | bc -l) )); then best=$line; fi
  done
  echo "$best"
}

echo "bench: $(nproc) cores; best of $REPEAT runs each; $("$BIN" --version); work dir on $BENCH_TMP"
echo "bench: load average before: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null) (other processes share the cores)"
printf '%-6s %-8s %-4s %8s %10s %12s %9s %7s %7s\n' set formats jobs docs seconds docs/s peak_MB failed cpu_s
declare -A secs
for set in mixed zh; do
  docs=$([ $set = mixed ] && echo "$mixed" || echo "$N")
  for f in "${formats[@]}"; do
    for j in 1 2; do
      read -r s rss conv fail cpu < <(run "$set" "$f" "$j")
      secs[$set,$f,$j]=$s
      printf '%-6s %-8s %-4s %8d %10.3f %12.1f %9.1f %7d %7.2f\n' "$set" "$f" "$j" "$docs" "$s" \
        "$(echo "$docs / $s" | bc -l)" "$(echo "$rss / 1024" | bc -l)" "$fail" "$cpu"
    done
  done
done
echo "bench: load average after: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null)"
echo "bench: in the mixed set only the documents the readers accept convert (see 'failed')."

for set in mixed zh; do
  docs=$([ $set = mixed ] && echo "$mixed" || echo "$N")
  speedup=$(echo "${secs[$set,md\,akn,1]} / ${secs[$set,md\,akn,2]}" | bc -l)
  printf 'bench: md+akn over %d documents (%s): -j2 is %.2fx faster than -j1 ' "$docs" "$set" "$speedup"
  if (( $(echo "$speedup >= 1.5" | bc -l) )); then echo "(>= 1.5: ok)"; else echo "(< 1.5: BELOW TARGET; see the load average: were the cores free?)"; fi
done
