#!/usr/bin/env bash
# omnisim run's output set under faults: killed (SIGKILL, SIGTERM, SIGINT) while it writes over an
# earlier result with --force, a second run into the same directory meanwhile, and a disk that
# fills up. The directory must always hold one whole set (the old or the new, as `omnisim report`
# verifies), never a mix, and nothing may be left beside it (but after SIGKILL, until the next run).
# Usage: output_fault_test.sh OMNISIM SOURCE_DIR SCRATCH_DIR. Exit 77 (skipped) for the disk-full
# part when a tmpfs cannot be mounted.
set -euo pipefail
omnisim=$1
source_dir=$2
scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"

scenario="$source_dir/scenarios/examples/small.json"
# About 16 MB of timeseries.csv: a write phase long enough to be hit.
run=("$omnisim" run "$scenario" --set horizon_days=365 --threads 2)
files="decisions.csv files.json inventory.csv open_orders.csv replications.csv summary.json timeseries.csv"

fail() {
  echo "output_fault_test: $*" >&2
  exit 1
}

# The names in DIR, one line.
names() { (cd "$1" && ls -A | tr '\n' ' ' | sed 's/ $//'); }

# DIR holds exactly one run's files, as `omnisim report` checks them (it refuses a mix).
expect_one_set() {
  local dir=$1 context=$2
  [ "$(names "$dir")" = "$files" ] || fail "$context: $dir holds '$(names "$dir")'"
  "$omnisim" report "$dir" >/dev/null 2>"$scratch/report.err" ||
    fail "$context: report refused $dir: $(cat "$scratch/report.err")"
  rm "$dir/report.html"
}

# Nothing of a run beside DIR (staging directory, lock).
expect_nothing_beside() {
  local dir=$1 context=$2
  local parent
  parent=$(dirname "$dir")
  [ "$(names "$parent")" = "$(basename "$dir")" ] || fail "$context: beside $dir: '$(names "$parent")'"
}

# Waits until the run into DIR is writing its set (its staging directory exists).
wait_for_write_phase() {
  local dir=$1
  for _ in $(seq 1 3000); do
    if compgen -G "$(dirname "$dir")/.$(basename "$dir").omnisim-tmp-*" >/dev/null; then return 0; fi
    sleep 0.005
  done
  fail "the run into $dir never started writing"
}

# --- Killed while writing over an earlier result.
kill_while_writing() {
  local signal=$1 delay=$2
  local out="$scratch/kill-$signal-$delay/out"
  mkdir -p "$(dirname "$out")"
  "${run[@]}" --reps 6 --seed 1 --out "$out" >/dev/null 2>&1 || fail "the first run failed"
  local old_listing
  old_listing=$(cat "$out/files.json")
  # exec'd by env, so that $! is omnisim itself; env undoes the SIG_IGN of SIGINT a shell gives
  # its background jobs, as a terminal's Ctrl-C would find it.
  env --default-signal=INT "${run[@]}" --reps 6 --seed 2 --force --out "$out" >/dev/null \
    2>"$scratch/kill.err" &
  local pid=$!
  wait_for_write_phase "$out"
  sleep "$delay"
  kill "-$signal" "$pid" 2>/dev/null || true
  local status=0
  wait "$pid" || status=$?
  local context="SIG$signal ${delay}s into the write (exit $status)"
  expect_one_set "$out" "$context"
  if [ "$(cat "$out/files.json")" = "$old_listing" ]; then
    echo "output_fault_test: $context: the old set stayed"
  else
    echo "output_fault_test: $context: the new set is in place"
  fi
  if [ "$signal" = KILL ]; then
    # A SIGKILL can leave the staging directory; the next run into the directory removes it.
    "${run[@]}" --reps 1 --force --out "$out" >/dev/null 2>&1 || fail "$context: the next run failed"
    expect_one_set "$out" "$context, then a run"
  else
    # Either the run stopped (the old set stays) or, once its replications were all done, it
    # finished its set first (its interrupt handler lets the work in hand complete) and exited 0.
    [ "$status" -ne 0 ] || [ "$(cat "$out/files.json")" != "$old_listing" ] ||
      fail "$context: exit 0 but the old set stayed"
    # A run stopped before its set was in place keeps its replications for --resume, which
    # writes the set without running them again.
    if [ "$(cat "$out/files.json")" = "$old_listing" ]; then
      [ -d "$(dirname "$out")/.out.journal" ] || fail "$context: the run's journal is gone"
      "${run[@]}" --reps 6 --seed 2 --force --resume --out "$out" >/dev/null 2>&1 ||
        fail "$context: --resume failed"
      [ "$(cat "$out/files.json")" != "$old_listing" ] || fail "$context: --resume left the old set"
      expect_one_set "$out" "$context, then --resume"
    fi
  fi
  expect_nothing_beside "$out" "$context"
}

for signal in KILL TERM INT; do
  for delay in 0 0.05 0.2; do
    kill_while_writing "$signal" "$delay"
  done
done

# --- A second run into a directory another run is writing is refused, and spoils nothing.
out="$scratch/concurrent/out"
mkdir -p "$(dirname "$out")"
"${run[@]}" --reps 6 --seed 1 --out "$out" >/dev/null 2>&1 &
first=$!
for _ in $(seq 1 3000); do
  compgen -G "$(dirname "$out")/.out.omnisim-lock" >/dev/null && break
  sleep 0.005
done
status=0
"${run[@]}" --reps 6 --seed 2 --force --out "$out" >/dev/null 2>"$scratch/second.err" || status=$?
[ "$status" -eq 2 ] || fail "a second run into a directory being written: exit $status"
grep -q "another omnisim is writing to" "$scratch/second.err" || fail "the second run's message: $(cat "$scratch/second.err")"
wait "$first" || fail "the first run failed beside the refused second one"
expect_one_set "$out" "two runs into one directory"
expect_nothing_beside "$out" "two runs into one directory"
echo "output_fault_test: a second run into the same directory is refused"

# --- The disk fills up while writing over an earlier result.
disk="$scratch/disk"
mkdir -p "$disk"
if ! mount -t tmpfs -o size=16m tmpfs "$disk" 2>/dev/null; then
  echo "output_fault_test: SKIP the disk-full part: cannot mount a tmpfs here (needs root)"
  exit 77
fi
trap 'umount "$disk"' EXIT
out="$disk/out"
# About 3 MB, then its journal and 10 MB more beside it: the second does not fit.
"$omnisim" run "$scenario" --reps 2 --set horizon_days=365 --out "$out" >/dev/null 2>&1 ||
  fail "the first run on the small disk failed"
cp -r "$out" "$scratch/before-disk-full"
status=0
"$omnisim" run "$scenario" --reps 6 --set horizon_days=365 --force --out "$out" >/dev/null \
  2>"$scratch/disk.err" || status=$?
[ "$status" -eq 1 ] || fail "disk full: exit $status, expected 1 ($(cat "$scratch/disk.err"))"
grep -q "No space left on device" "$scratch/disk.err" || fail "disk full: the message: $(cat "$scratch/disk.err")"
for file in $files; do
  cmp -s "$scratch/before-disk-full/$file" "$out/$file" || fail "disk full: $file of the earlier run changed"
done
# The failed run's journal (what it saved before the disk filled) is kept for --resume; removed
# here to make room for the report that checks the set.
[ -d "$disk/.out.journal" ] || fail "disk full: the run's journal is gone"
rm -rf "$disk/.out.journal"
expect_one_set "$out" "disk full"
expect_nothing_beside "$out" "disk full"
echo "output_fault_test: a full disk leaves the earlier set whole"
