#!/usr/bin/env bash
# omnisim under mpirun: a run split over two processes must write the same files as one process
# (summary.json apart from how it ran: run id, wall seconds, threads, processes), and bad input
# must fail every process with exit status 2 and one error message, printed by process 0.
#
#   mpi_test.sh OMNISIM SOURCE_DIR SCRATCH_DIR
set -euo pipefail

omnisim="$1"
source_dir="$2"
scratch="$3"

fail() {
  echo "mpi_test: FAIL: $*" >&2
  exit 1
}

command -v mpirun >/dev/null || fail "mpirun is not installed; run tools/setup.sh (openmpi-bin)"
# Two processes on however many cores this machine has; as root (CI containers) mpirun must be
# told that it is meant.
mpirun_flags=(-np 2 --oversubscribe --bind-to none)
if [ "$(id -u)" -eq 0 ]; then mpirun_flags+=(--allow-run-as-root); fi

rm -rf "$scratch"
mkdir -p "$scratch"

# same_outputs ONE TWO: the CSV files byte for byte, summary.json apart from its run-time fields,
# and TWO's summary.json says two processes ran.
same_outputs() {
  local one="$1" two="$2" file
  for file in "$one"/*.csv; do
    cmp "$file" "$two/$(basename "$file")" ||
      fail "$(basename "$file") differs between one process ($one) and two ($two)"
  done
  [ "$(ls "$one")" = "$(ls "$two")" ] || fail "$one and $two hold different files"
  python3 - "$one/summary.json" "$two/summary.json" <<'PY' || fail "summary.json differs"
import json, sys
one, two = (json.load(open(path)) for path in sys.argv[1:])
if two["run"]["processes"] != 2 or one["run"]["processes"] != 1:
    sys.exit(f"processes: {one['run']['processes']} and {two['run']['processes']}, expected 1 and 2")
for summary in (one, two):
    for field in ("run_id", "wall_seconds", "threads", "processes"):
        del summary["run"][field]
if one != two:
    sys.exit("summary.json differs beyond its run-time fields")
PY
}

check_run() {
  local scenario="$source_dir/scenarios/examples/small.json"
  "$omnisim" run "$scenario" --reps 6 --seed 3 --out "$scratch/run-one" >"$scratch/run-one.log" ||
    fail "omnisim run failed (see $scratch/run-one.log)"
  mpirun "${mpirun_flags[@]}" "$omnisim" run "$scenario" --reps 6 --seed 3 --threads 1 \
    --out "$scratch/run-two" >"$scratch/run-two.log" 2>&1 ||
    fail "omnisim run under mpirun failed (see $scratch/run-two.log)"
  same_outputs "$scratch/run-one" "$scratch/run-two"
  local tables
  tables="$(grep -c "^Scenario 'small example'" "$scratch/run-two.log" || true)"
  [ "$tables" = 1 ] || fail "under mpirun the results were printed $tables times, expected once"
  echo "run: two processes wrote the same files as one"
}

# A run killed in one process and finished with --resume under mpirun: rank 0's journal tells every
# rank which replications are left, and the files are those of an uninterrupted run.
check_run_resume() {
  local run=("$omnisim" run "$source_dir/tests/data/small_with_rules.json" --reps 20)
  "${run[@]}" --out "$scratch/resume-whole" >/dev/null 2>&1 || fail "omnisim run failed"
  "${run[@]}" --threads 2 --out "$scratch/resume" >/dev/null 2>&1 &
  local pid=$!
  for _ in $(seq 1 600); do
    if [ "$(find "$scratch/.resume.journal" -name '*.replication' 2>/dev/null | wc -l)" -ge 8 ]; then
      break
    fi
    sleep 0.02
  done
  kill -KILL "$pid" 2>/dev/null || fail "run --resume: the run had already finished (make it longer)"
  wait "$pid" || true
  mpirun "${mpirun_flags[@]}" "${run[@]}" --threads 1 --out "$scratch/resume" --resume \
    >"$scratch/resume.log" 2>&1 || fail "run --resume under mpirun failed (see $scratch/resume.log)"
  local file
  for file in replications.csv timeseries.csv inventory.csv open_orders.csv decisions.csv; do
    cmp "$scratch/resume-whole/$file" "$scratch/resume/$file" ||
      fail "run --resume under mpirun: $file differs from an uninterrupted run"
  done
  echo "run --resume: two processes finished a killed run with the files of an uninterrupted one"
}

check_bad_input() {
  local status=0
  mpirun "${mpirun_flags[@]}" "$omnisim" run "$source_dir/scenarios/examples/small.json" \
    --set horizon_days=-3 --out "$scratch/bad" >"$scratch/bad.log" 2>&1 || status=$?
  [ "$status" = 2 ] || fail "bad input under mpirun exited with $status, expected 2"
  local errors
  errors="$(grep -c "^omnisim: error: .*horizon_days" "$scratch/bad.log" || true)"
  [ "$errors" = 1 ] || fail "bad input under mpirun printed $errors errors, expected one"
  [ ! -e "$scratch/bad" ] || fail "bad input under mpirun wrote $scratch/bad"
  echo "bad input: exit status 2 and one error message"
}

# omnisim sweep under mpirun, against one process: the same files byte for byte (none of them
# records how the study ran), with --reps auto too, whose rounds rank 0 decides.
check_sweep() {
  local sweep=(sweep "$source_dir/tests/data/small_with_rules.json"
    --grid control_tower.rules.0.threshold=0,0.05 --grid control_tower.rules.0.timebox_hours=12,48)
  local reps
  for reps in "--reps 5" "--reps auto --ci-width 400 --min-reps 3 --max-reps 12"; do
    rm -rf "$scratch/sweep-one" "$scratch/sweep-two"
    # shellcheck disable=SC2086 # $reps is several words
    "$omnisim" "${sweep[@]}" $reps --out "$scratch/sweep-one" >"$scratch/sweep-one.log" 2>&1 ||
      fail "omnisim sweep $reps failed (see $scratch/sweep-one.log)"
    # shellcheck disable=SC2086
    mpirun "${mpirun_flags[@]}" "$omnisim" "${sweep[@]}" $reps --threads 1 \
      --out "$scratch/sweep-two" >"$scratch/sweep-two.log" 2>&1 ||
      fail "omnisim sweep $reps under mpirun failed (see $scratch/sweep-two.log)"
    local file
    for file in manifest.json sweep.csv replications.csv replications.journal; do
      cmp "$scratch/sweep-one/$file" "$scratch/sweep-two/$file" ||
        fail "sweep $reps: $file differs between one process and two"
    done
    local rankings
    rankings="$(grep -c "^Points ranked by" "$scratch/sweep-two.log" || true)"
    [ "$rankings" = 1 ] || fail "under mpirun the ranking was printed $rankings times, expected once"
    echo "sweep $reps: two processes wrote the same files as one"
  done
}

check_run
check_run_resume
check_bad_input
check_sweep
