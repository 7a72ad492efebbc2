#!/usr/bin/env bash
# Runs each fuzz target for FUZZ_SECONDS (default 1800) and prints the
# executions, time and crashes per target; exits 1 when any target crashed.
# `make fuzz` calls this; FUZZ_TARGETS picks targets, FUZZ_NICE (default
# `nice -n 19`) keeps builds and runs on idle CPU. New inputs a run finds
# go to fuzz/work/<target>/ (not committed); the committed seeds are read
# from fuzz/corpus/<target>/. Crashes land in fuzz/artifacts/<target>/.
set -uo pipefail
cd "$(dirname "$0")"

SECONDS_EACH=${FUZZ_SECONDS:-1800}
TARGETS=${FUZZ_TARGETS:-"read_text read_markdown read_akn read_pdf emit_markdown emit_akn emit_html emit_json emit_pdf"}
NICE=${FUZZ_NICE:-nice -n 19}
CARGO=${CARGO:-cargo}
# Debug assertions and overflow checks on (-a); no AddressSanitizer and no
# comparison tracing by default: safe Rust needs neither to find a panic,
# and without them the text reader runs about ten times as many inputs a
# second (the dictionaries give the tokens comparison tracing would find).
# FUZZ_FLAGS="-a" builds with AddressSanitizer and tracing instead.
read -r -a FLAGS <<<"${FUZZ_FLAGS:--a -s none --no-trace-compares}"
FLAGS+=(--target-dir target/fast)

command -v cargo-fuzz >/dev/null || $CARGO install cargo-fuzz --locked || exit 1
# cargo-fuzz needs nightly flags: the nightly toolchain if installed, else
# stable with RUSTC_BOOTSTRAP=1.
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
    FUZZ=("$CARGO" +nightly fuzz)
else
    export RUSTC_BOOTSTRAP=1
    FUZZ=("$CARGO" fuzz)
fi

# Per target: longest input, dictionary, per-input timeout (seconds).
opts() {
    case $1 in
        read_text) echo "-max_len=16384 -dict=dict/text.dict -timeout=10" ;;
        read_markdown) echo "-max_len=16384 -dict=dict/markdown.dict -timeout=10" ;;
        read_akn) echo "-max_len=16384 -dict=dict/akn.dict -timeout=10" ;;
        read_pdf) echo "-max_len=65536 -dict=dict/pdf.dict -timeout=10" ;;
        emit_pdf) echo "-max_len=2048 -timeout=30" ;;
        emit_*) echo "-max_len=4096 -timeout=10" ;;
        *) echo "unknown target $1" >&2; return 1 ;;
    esac
}

$NICE "${FUZZ[@]}" build "${FLAGS[@]}" || exit 1
mkdir -p logs
summary=()
failed=0
for t in $TARGETS; do
    o=$(opts "$t") || exit 2
    mkdir -p "work/$t" "corpus/$t"
    log="logs/$t.log"
    echo "fuzz: $t for ${SECONDS_EACH}s ($o), log in fuzz/$log"
    # shellcheck disable=SC2086
    $NICE "${FUZZ[@]}" run "${FLAGS[@]}" "$t" "work/$t" "corpus/$t" -- \
        -max_total_time="$SECONDS_EACH" -print_final_stats=1 $o >"$log" 2>&1
    rc=$?
    execs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$')
    secs=$(grep -o 'Done [0-9]* runs in [0-9]* second' "$log" | tail -1 | grep -o 'in [0-9]*' | grep -o '[0-9]*')
    crashes=$(ls "artifacts/$t" 2>/dev/null | grep -c . || true)
    [ "$rc" -ne 0 ] && failed=1
    summary+=("$(printf '%-14s %12s execs %6ss  exit %s  artifacts %s' "$t" "${execs:-?}" "${secs:-?}" "$rc" "$crashes")")
done
echo
echo "fuzz summary (executions, seconds, libFuzzer exit status, files in fuzz/artifacts/<target>):"
printf '  %s\n' "${summary[@]}"
exit $failed
