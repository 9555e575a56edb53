#!/usr/bin/env bash
# omnisim sweep killed for real (SIGKILL, SIGINT, SIGTERM) while it runs, then resumed with
# --resume: the final files must be those of an uninterrupted run, and Ctrl-C must say how to
# resume. A second signal while replications are still in flight stops it at once, with the
# status of that signal. Usage: sweep_kill_test.sh OMNISIM SOURCE_DIR SCRATCH_DIR
set -euo pipefail
omnisim=$1
source_dir=$2
scratch=$3
rm -rf "$scratch"
mkdir -p "$scratch"

sweep=("$omnisim" sweep "$source_dir/tests/data/small_with_rules.json"
  --grid control_tower.rules.0.threshold=0,0.05
  --grid control_tower.rules.0.timebox_hours=12:48:18
  --reps 30 --threads 2 --out)

fail() {
  echo "sweep_kill_test: $*" >&2
  exit 1
}

"${sweep[@]}" "$scratch/whole" >/dev/null 2>&1 || fail "the uninterrupted sweep failed"

# Starts a sweep, sends SIGNAL once a few replications are journalled, checks the exit status,
# resumes, and compares the files with the uninterrupted run.
kill_and_resume() {
  local signal=$1 expected_status=$2
  local out="$scratch/$signal"
  # Started directly, not in a function, so that $! is omnisim itself.
  "${sweep[@]}" "$out" >"$scratch/$signal.out" 2>"$scratch/$signal.err" &
  local pid=$!
  for _ in $(seq 1 600); do
    if [ -f "$out/replications.journal" ] && [ "$(wc -l <"$out/replications.journal")" -ge 20 ]; then
      break
    fi
    sleep 0.05
  done
  kill "-$signal" "$pid" 2>/dev/null || fail "$signal: the sweep had already finished (make it longer)"
  local status=0
  wait "$pid" || status=$?
  [ "$status" -eq "$expected_status" ] || fail "$signal: exit status $status, expected $expected_status"
  [ ! -f "$out/sweep.csv" ] || fail "$signal: a killed sweep wrote sweep.csv"
  if [ "$signal" != KILL ]; then
    grep -q -- "--resume" "$scratch/$signal.err" || fail "$signal: the message does not say how to resume"
    grep -q '"interrupted"' "$out/manifest.json" || fail "$signal: manifest.json is not marked interrupted"
  fi
  "${sweep[@]}" "$out" --resume >"$scratch/$signal.resumed" 2>&1 || fail "$signal: --resume failed: $(cat "$scratch/$signal.resumed")"
  grep -q "from before --resume" "$scratch/$signal.resumed" || fail "$signal: nothing was carried over"
  for file in manifest.json sweep.csv replications.csv replications.journal; do
    cmp -s "$scratch/whole/$file" "$out/$file" || fail "$signal: $file differs from the uninterrupted run"
  done
  echo "sweep_kill_test: SIG$signal then --resume: identical files"
}

kill_and_resume KILL 137
kill_and_resume INT 130
kill_and_resume TERM 143

# Signals FIRST then SECOND to a sweep whose replications take seconds each: after the first it
# is still finishing them; the second must stop it within a second or two, with 128 + SECOND.
second_signal_stops_at_once() {
  local first=$1 second=$2 expected_status=$3
  local out="$scratch/twice-$first-$second"
  "$omnisim" sweep "$source_dir/tests/data/small_with_rules.json" --set horizon_days=3660 \
    --grid control_tower.rules.0.threshold=0,0.05 --reps 2 --threads 2 --out "$out" \
    >/dev/null 2>"$out.err" &
  local pid=$!
  # manifest.json is saved once the signal handlers are in place and replications start.
  for _ in $(seq 1 200); do
    [ -f "$out/manifest.json" ] && break
    sleep 0.05
  done
  sleep 0.3
  kill "-$first" "$pid" 2>/dev/null || fail "$first: the sweep ended before the first signal"
  sleep 0.5
  kill -0 "$pid" 2>/dev/null || fail "$first: the first signal did not let replications finish"
  kill "-$second" "$pid"
  local waited=0
  while kill -0 "$pid" 2>/dev/null && [ "$waited" -lt 40 ]; do
    sleep 0.05
    waited=$((waited + 1))
  done
  if kill -0 "$pid" 2>/dev/null; then
    kill -KILL "$pid"
    fail "$first then $second: still running 2 s after the second signal"
  fi
  local status=0
  wait "$pid" || status=$?
  [ "$status" -eq "$expected_status" ] ||
    fail "$first then $second: exit status $status, expected $expected_status"
  echo "sweep_kill_test: SIG$first then SIG$second with replications in flight: stopped at once ($status)"
}

second_signal_stops_at_once TERM TERM 143
second_signal_stops_at_once INT INT 130
second_signal_stops_at_once INT TERM 143

# Two omnisims on one study: while a --resume runs, a second --resume (or --force) is refused at
# once, naming the first, and the first ends with the files of an uninterrupted run.
out="$scratch/twice"
"${sweep[@]}" "$out" >/dev/null 2>&1 &
first=$!
for _ in $(seq 1 600); do
  if [ -f "$out/replications.journal" ] && [ "$(wc -l <"$out/replications.journal")" -ge 20 ]; then
    break
  fi
  sleep 0.05
done
kill -KILL "$first" 2>/dev/null || fail "twice: the sweep had already finished (make it longer)"
wait "$first" || true
"${sweep[@]}" "$out" --resume >"$scratch/twice.first" 2>&1 &
first=$!
# It holds the study once its pid is in the lock file (SIGKILL left the old one, unlocked).
for _ in $(seq 1 600); do
  if grep -qx "$first" "$out/.omnisim.lock" 2>/dev/null; then break; fi
  sleep 0.01
done
for option in --resume --force; do
  status=0
  "${sweep[@]}" "$out" "$option" >"$scratch/twice.second" 2>&1 || status=$?
  [ "$status" -eq 2 ] || fail "twice: a second sweep $option while one runs exited with $status, expected 2"
  grep -q "another omnisim is working on '$out' (pid $first)" "$scratch/twice.second" ||
    fail "twice: the second sweep $option does not name the first: $(cat "$scratch/twice.second")"
done
kill -0 "$first" 2>/dev/null || fail "twice: the first --resume had finished before the second started (make it longer)"
wait "$first" || fail "twice: the first --resume failed: $(cat "$scratch/twice.first")"
for file in manifest.json sweep.csv replications.csv replications.journal; do
  cmp -s "$scratch/whole/$file" "$out/$file" || fail "twice: $file differs from the uninterrupted run"
done
[ ! -e "$out/.omnisim.lock" ] || fail "twice: the lock file is left behind"
echo "sweep_kill_test: a second sweep while one runs is refused; identical files"
