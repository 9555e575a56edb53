#!/usr/bin/env bash
# omnisim run stopped for real (SIGKILL, SIGINT, SIGTERM) once some replications are done, then
# finished with --resume: the replications saved are not run again, and the files are those of an
# uninterrupted run (summary.json aside: it records the wall time). The journal lives beside
# --out and is gone once the run is complete. Usage: run_kill_test.sh OMNISIM SOURCE_DIR SCRATCH_DIR
set -euo pipefail
omnisim=$1
source_dir=$2
scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"

run=("$omnisim" run "$source_dir/tests/data/small_with_rules.json" --reps 40 --threads 2 --out)

fail() {
  echo "run_kill_test: $*" >&2
  exit 1
}

"${run[@]}" "$scratch/whole" >/dev/null 2>&1 || fail "the uninterrupted run failed"
[ ! -e "$scratch/.whole.journal" ] || fail "a complete run left its journal"

kill_and_resume() {
  local signal=$1 expected_status=$2
  local out="$scratch/$signal" journal="$scratch/.$signal.journal"
  "${run[@]}" "$out" >/dev/null 2>"$scratch/$signal.err" &
  local pid=$!
  for _ in $(seq 1 600); do
    if [ "$(find "$journal" -name '*.replication' 2>/dev/null | wc -l)" -ge 20 ]; then break; fi
    sleep 0.02
  done
  kill "-$signal" "$pid" 2>/dev/null || fail "$signal: the run had already finished (make it longer)"
  local status=0
  wait "$pid" || status=$?
  [ "$status" -eq "$expected_status" ] || fail "$signal: exit status $status, expected $expected_status"
  [ ! -e "$out" ] || fail "$signal: a killed run wrote $out"
  if [ "$signal" != KILL ]; then
    grep -q -- "replications are saved in '$journal'.*--resume" "$scratch/$signal.err" ||
      fail "$signal: the message does not say how to resume: $(cat "$scratch/$signal.err")"
  fi
  local saved
  saved="$(find "$journal" -name '*.replication' | wc -l)"
  "${run[@]}" "$out" --resume >"$scratch/$signal.resumed" 2>&1 ||
    fail "$signal: --resume failed: $(cat "$scratch/$signal.resumed")"
  for file in replications.csv timeseries.csv inventory.csv open_orders.csv decisions.csv; do
    cmp -s "$scratch/whole/$file" "$out/$file" || fail "$signal: $file differs from the uninterrupted run"
  done
  [ ! -e "$journal" ] || fail "$signal: the journal is left after --resume"
  echo "run_kill_test: SIG$signal after $saved replications, then --resume: identical files"
}

kill_and_resume KILL 137
kill_and_resume INT 130
kill_and_resume TERM 143
