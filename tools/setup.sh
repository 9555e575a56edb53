#!/usr/bin/env bash
# Installs the Debian packages omnisim needs (only those missing) and the report's charting
# libraries (npm ci from package-lock.json, when node_modules is missing or older than the lock
# file), then configures and builds. With no argument it builds only the omnisim executable of
# the release preset (what the README's main job runs, so a newcomer sees results soonest); with
# preset names it builds each of those presets whole, tests and benchmarks included ("fuzz" only
# installs what tools/fuzz.sh needs). Safe to rerun: with everything present it only runs an
# incremental build.
set -euo pipefail

cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build git
  ccache  # keeps compiled objects between builds and clones (the root CMakeLists.txt)
  libeigen3-dev libboost-random-dev libboost-math-dev libtbb-dev
  nlohmann-json3-dev libcli11-dev libssl-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang-format
  libopenmpi-dev openmpi-bin  # omnisim run/sweep under mpirun (optional: CMake's OMNISIM_MPI)
  nodejs npm  # npm ci installs Vega, Vega-Lite and vega-embed, which report.html inlines
  chromium    # the report's browser test (tests/tools/report/report_browser_test.sh)
)

presets=("$@")
main_job_only=false
if ((${#presets[@]} == 0)); then
  presets=(release)
  main_job_only=true
fi
# "fuzz" is not a CMake preset: tools/fuzz.sh builds it, with clang and its libFuzzer runtime.
if [[ " ${presets[*]} " == *" fuzz "* ]]; then packages+=(clang libclang-rt-14-dev); fi

installed() {
  case "$1" in
    # Any Node.js with npm will do: NodeSource's nodejs, for one, bundles npm and conflicts with
    # Debian's npm package.
    nodejs) command -v node >/dev/null 2>&1 ;;
    npm) command -v npm >/dev/null 2>&1 ;;
    *) dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q "install ok installed" ;;
  esac
}

missing=()
for package in "${packages[@]}"; do
  if ! installed "$package"; then missing+=("$package"); fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

# Before any configure: tools/CMakeLists.txt embeds node_modules' minified builds and stops
# without them. npm records what it installed in node_modules/.package-lock.json.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: npm ci (the report's charting libraries, from package-lock.json)" >&2
  npm ci --no-audit --no-fund >&2
fi

for preset in "${presets[@]}"; do
  if [ "$preset" = fuzz ]; then continue; fi
  if [ "$preset" = tsan ]; then bash tools/build-tsan-tbb.sh; fi
  if [ ! -f "build/$preset/build.ninja" ]; then cmake --preset "$preset" >/dev/null; fi
  if $main_job_only; then
    cmake --build --preset "$preset" --target omnisim
  else
    cmake --build --preset "$preset"
  fi
done
