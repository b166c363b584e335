#!/usr/bin/env bash
# Builds the fuzz targets (libFuzzer + AddressSanitizer + LeakSanitizer) and runs each for a bounded
# time, one after the other. Used by `make fuzz`; see docs/fuzzing.md.
#
#   Fuzz/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]        (default: 60 s, all three targets)
#
# Work folder (git-ignored): Fuzz/.work/  seeds/ (regenerated from Datasets/), corpus/ (what the
# fuzzers found interesting; kept between runs), artifacts/ (crash-*, leak-*, timeout-* inputs),
# logs/ (libFuzzer's output), summary.txt. Exit status 1 when any target found something.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
seconds="${1:-60}"; shift || true
targets=("$@"); [ ${#targets[@]} -gt 0 ] || targets=(FuzzCSV FuzzDataset FuzzScenarios)
work="${FUZZ_WORK:-$here/.work}"
swift="${SWIFT:-swift}"

# `--sanitize=fuzzer --sanitize=address` alone is not enough: SwiftPM hands swiftc two flags and
# swiftc keeps the last, so the Swift code got AddressSanitizer and no coverage (measured: no
# __sancov sections in CareMatch's objects, cov stuck in the hundreds). The combined -Xswiftc flag
# comes last and wins; the --sanitize flags stay so that SwiftPM links libFuzzer's main (with
# -Xswiftc alone it renames main to <Target>_main and the link fails) and builds C/C++ with both.
FLAGS="--sanitize=fuzzer --sanitize=address -Xswiftc -sanitize=fuzzer,address"
echo "== Building the fuzz targets with -sanitize=fuzzer,address (a first build takes 6-7 min on 2 busy cores)"
start=$(date +%s)
(cd "$here" && nice -n 10 "$swift" build -c release $FLAGS)
echo "   built in $(( $(date +%s) - start )) s"
bin="$(cd "$here" && "$swift" build -c release $FLAGS --show-bin-path)"

"$here/make-corpus.sh" "$work/seeds"
mkdir -p "$work/artifacts" "$work/logs"
cat "$here/Dictionaries/csv.dict" "$here/Dictionaries/toml.dict" > "$work/dataset.dict"

# Swift's own crash backtracer would hold a crashing fuzzer for minutes; libFuzzer reports instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-suppressions=$here/lsan.supp:print_suppressions=0}"
export CAREMATCH_ROOT="$(dirname "$here")"

status=0
summary="$work/summary.txt"
printf '%-14s %8s %12s %8s %6s %6s %14s %8s %s\n' target seconds executions exec/s cov ft corpus peak_MB findings > "$summary"
for t in "${targets[@]}"; do
  case $t in
    FuzzCSV) dict="$here/Dictionaries/csv.dict" ;;
    FuzzScenarios) dict="$here/Dictionaries/toml.dict" ;;
    *) dict="$work/dataset.dict" ;;
  esac
  mkdir -p "$work/corpus/$t" "$work/logs/$t"
  before=$(ls "$work/artifacts" | grep -c "^$t-" || true)
  echo "== $t for $seconds s (log: $work/logs/$t/fuzz-0.log)"
  t0=$(date +%s)
  # -jobs=1: one fuzzing process, its output in fuzz-0.log of the working directory.
  (cd "$work/logs/$t" && nice -n 10 "$bin/$t" "$work/corpus/$t" "$work/seeds/$t" \
      -dict="$dict" -jobs=1 -workers=1 -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
      -detect_leaks=1 -print_final_stats=1 -artifact_prefix="$work/artifacts/$t-" >/dev/null 2>&1) || true
  elapsed=$(( $(date +%s) - t0 ))
  log="$work/logs/$t/fuzz-0.log"
  stat() { grep -o "^stat::$1: *[0-9]*" "$log" | tail -1 | grep -o '[0-9]*$' || echo "?"; }
  last=$(grep -E '^#[0-9]+' "$log" | tail -1 || true)
  cov=$(grep -o 'cov: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo "?")
  ft=$(grep -o 'ft: [0-9]*' <<<"$last" | grep -o '[0-9]*' || echo "?")
  corp=$(grep -o 'corp: [0-9]*/[0-9]*[a-zA-Z]*' <<<"$last" | cut -d' ' -f2 || echo "?")
  after=$(ls "$work/artifacts" | grep -c "^$t-" || true)
  found=$(( after - before ))
  printf '%-14s %8s %12s %8s %6s %6s %14s %8s %s\n' "$t" "$elapsed" "$(stat number_of_executed_units)" \
    "$(stat average_exec_per_sec)" "$cov" "$ft" "$corp" "$(stat peak_rss_mb)" "$found" >> "$summary"
  if [ "$found" -gt 0 ] || grep -q "ERROR: libFuzzer\|ERROR: AddressSanitizer\|ERROR: LeakSanitizer" "$log"; then
    status=1
    echo "!! $t found a problem; inputs in $work/artifacts/$t-*, details in $log"
    echo "   reproduce: SWIFT_BACKTRACE=enable=no LSAN_OPTIONS=suppressions=$here/lsan.supp $bin/$t <artifact>"
  fi
done
echo; cat "$summary"
exit $status
