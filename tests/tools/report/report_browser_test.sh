#!/usr/bin/env bash
# report.html in a real browser: runs two small scenarios with --report (one with a rule, one
# whose name, description, rule and owner are hostile HTML) and a 2 x 2 sweep (its report written
# by `omnisim report`), opens each page in headless Chromium and checks, from the DOM it dumps
# after the page's scripts ran, that every chart rendered (the page's own count and an SVG per
# chart), that no script error or Vega warning occurred, and that the hostile text shows as text
# with no element injected.
#
#   report_browser_test.sh OMNISIM SOURCE_DIR SCRATCH_DIR
set -euo pipefail

omnisim="$1"
source_dir="$2"
scratch="$3"

fail() {
  echo "report_browser_test: FAIL: $*" >&2
  exit 1
}

chromium_bin="$(command -v chromium || command -v chromium-browser || true)"
if [ -z "$chromium_bin" ]; then
  fail "chromium is not installed; run tools/setup.sh (it installs the Debian package chromium)"
fi

rm -rf "$scratch"
mkdir -p "$scratch"

# dump_dom NAME: the DOM of $scratch/NAME/report.html after its scripts ran, in $scratch/NAME.dom
dump_dom() {
  local name="$1"
  # A profile per page, so parallel test runs never share one.
  "$chromium_bin" --headless --no-sandbox --disable-gpu --disable-background-networking \
    --disable-component-update --no-first-run --user-data-dir="$scratch/profile-$name" \
    --virtual-time-budget=15000 --dump-dom "file://$scratch/$name/report.html" \
    >"$scratch/$name.dom" 2>"$scratch/$name.chromium.log" ||
    fail "chromium exited with status $? on $name (see $scratch/$name.chromium.log)"
}

# count PATTERN FILE: how many times the (basic) regular expression occurs in FILE.
count() {
  { grep -o "$1" "$2" || true; } | wc -l
}

# attribute FILE NAME: the value of <body NAME="..."> in a dumped DOM, or "" without it.
attribute() {
  { grep -o "<body[^>]*>" "$1" || true; } | head -n 1 | sed -n "s/.* $2=\"\\([^\"]*\\)\".*/\\1/p"
}

# check_page NAME: every chart drawn, no error, no warning; prints what it found.
check_page() {
  local name="$1"
  local dom="$scratch/$name.dom"
  local charts errors warnings done_flag expected rendered containers svgs
  charts="$(attribute "$dom" data-charts)"
  errors="$(attribute "$dom" data-errors)"
  warnings="$(attribute "$dom" data-warnings)"
  done_flag="$(attribute "$dom" data-done)"
  echo "$name: <body data-charts=\"$charts\" data-errors=\"$errors\" data-warnings=\"$warnings\" data-done=\"$done_flag\">"
  [ "$done_flag" = true ] || fail "$name: the page's drawing script did not finish (no data-done)"
  [ "$errors" = 0 ] || fail "$name: $errors script errors: $(attribute "$dom" data-error-messages)"
  [ "$warnings" = 0 ] || fail "$name: $warnings Vega warnings: $(attribute "$dom" data-warning-messages)"
  rendered="${charts%/*}"
  expected="${charts#*/}"
  [ -n "$expected" ] && [ "$expected" -gt 0 ] || fail "$name: no charts expected ('$charts')"
  [ "$rendered" = "$expected" ] || fail "$name: only $rendered of $expected charts rendered"
  # Independently of the page's count: one container per chart, each with Vega's drawing in it.
  containers="$(count '<div class="chart[^"]*" id="chart-[0-9]*"' "$dom")"
  svgs="$(count '<svg [^>]*class="marks"' "$dom")"
  echo "$name: $containers chart containers, $svgs Vega SVG drawings"
  [ "$containers" = "$expected" ] || fail "$name: $containers chart containers, $expected charts"
  [ "$svgs" = "$expected" ] || fail "$name: $svgs drawings for $expected charts"
}

echo "report_browser_test: $("$chromium_bin" --version 2>/dev/null || echo chromium)"

"$omnisim" run "$source_dir/tests/data/small_with_rules.json" --reps 3 --set horizon_days=28 \
  --threads 2 --report --out "$scratch/small" >"$scratch/small.log" ||
  fail "omnisim run small_with_rules.json failed (see $scratch/small.log)"
"$omnisim" run "$source_dir/tests/data/report_hostile_name.json" --reps 3 --set horizon_days=28 \
  --threads 2 --report --out "$scratch/hostile" >"$scratch/hostile.log" ||
  fail "omnisim run report_hostile_name.json failed (see $scratch/hostile.log)"

"$omnisim" sweep "$source_dir/tests/data/small_with_rules.json" \
  --grid control_tower.rules.0.threshold=0,0.05 --grid control_tower.rules.0.timebox_hours=12,48 \
  --reps 3 --threads 2 --out "$scratch/sweep" >"$scratch/sweep.log" 2>&1 ||
  fail "omnisim sweep small_with_rules.json failed (see $scratch/sweep.log)"
"$omnisim" report "$scratch/sweep" >>"$scratch/sweep.log" 2>&1 ||
  fail "omnisim report of the sweep failed (see $scratch/sweep.log)"

for name in small hostile sweep; do
  dump_dom "$name"
  check_page "$name"
done

# The hostile page: its text in the DOM as text, and no element it tried to inject. Scripts'
# source (the inlined libraries mention <img> in their own code) is left out of the search.
dom="$scratch/hostile.dom"
perl -0777 -pe 's{(<script\b[^>]*>).*?</script>}{$1</script>}gs' "$dom" >"$scratch/hostile.markup"
markup="$scratch/hostile.markup"
scripts="$(count '<script\b' "$markup")"
echo "hostile: $scripts <script> elements (6 expected: error hook, 3 libraries, chart data, drawing)"
[ "$scripts" = 6 ] || fail "hostile: $scripts <script> elements, 6 expected"
for text in '<h1>&lt;script&gt;alert(1)&lt;/script&gt;</h1>' \
  '&lt;img src=x onerror=alert(1)&gt;' \
  '&lt;/script&gt;&lt;script&gt;alert(2)&lt;/script&gt;&lt;!-- and' \
  '&lt;b&gt;web-otif&lt;/b&gt;' \
  '&lt;i&gt;ops&lt;/i&gt;'; do
  grep -qF "$text" "$markup" || fail "hostile: '$text' is not in the page as text"
  echo "hostile: found as text: $text"
done
for element in '<img' '<b>' '<i>' '<svg onload' '<iframe'; do
  if grep -qF "$element" "$markup"; then
    fail "hostile: an injected '$element' element is in the DOM"
  fi
done
echo "hostile: no injected <img>, <b>, <i>, <svg onload> or <iframe> element"
# The right-to-left override in its description and owner shows as the text \u202E, in the page
# and in the charts' SVG labels alike, so it reorders nothing.
if grep -q $'\xe2\x80\xae' "$markup"; then
  fail "hostile: a right-to-left override (U+202E) is in the DOM"
fi
for text in 'report\u202Efdp.exe' 'invoice\u202Egnp.exe'; do
  grep -qF "$text" "$markup" || fail "hostile: '$text' is not in the page as text"
done
echo "hostile: no U+202E in the DOM; shown as text: report\u202Efdp.exe, invoice\u202Egnp.exe"
echo "report_browser_test: ok"
