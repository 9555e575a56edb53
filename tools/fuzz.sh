#!/usr/bin/env bash
# Builds the libFuzzer targets (tests/fuzz) with clang, AddressSanitizer and UBSan in build/fuzz,
# then runs each for SECONDS (default 30) from its seeds: the example scenario and the bad-input
# corpus for the loader, tests/fuzz/corpus/set_override for --set. Any crash, leak, sanitizer
# report, timeout or exception other than ScenarioError fails, with the input saved in build/fuzz.
set -euo pipefail
cd "$(dirname "$0")/.."

seconds="${1:-30}"
bash tools/setup.sh fuzz
build=build/fuzz
flags="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer"
if [ ! -f "$build/build.ninja" ]; then
  CC=clang CXX=clang++ cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DOMNISIM_BUILD_BENCH=OFF -DOMNISIM_BUILD_FUZZERS=ON \
    -DCMAKE_CXX_FLAGS="$flags" -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" >/dev/null
fi
cmake --build "$build" --target scenario_loader_fuzzer set_override_fuzzer

run() {
  local fuzzer="$1"
  shift
  # New inputs go to a scratch corpus in the build tree; the seeds in the source tree stay as
  # they are.
  local corpus="$build/corpus/$fuzzer"
  mkdir -p "$corpus" "$build/artifacts"
  echo "fuzz: $fuzzer for ${seconds} s" >&2
  "$build/tests/fuzz/${fuzzer}_fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
    -max_len=65536 -print_final_stats=1 -artifact_prefix="$build/artifacts/${fuzzer}-" \
    "$corpus" "$@" 2>"$build/$fuzzer.log" || {
    tail -n 60 "$build/$fuzzer.log" >&2
    echo "fuzz: $fuzzer failed; the input is in $build/artifacts" >&2
    return 1
  }
  grep -E '^stat::number_of_executed_units|^stat::new_units_added' "$build/$fuzzer.log" >&2
}

run scenario_loader scenarios/examples tests/data/bad tests/fuzz/corpus/scenario_loader
run set_override tests/fuzz/corpus/set_override
