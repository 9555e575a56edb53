#!/usr/bin/env bash
# Installs the Debian packages omnisim needs (only those missing), then configures and builds the
# release preset (or the presets given as arguments; "fuzz" only installs what tools/fuzz.sh
# needs). Safe to rerun: with everything present it only runs an incremental build.
set -euo pipefail

cd "$(dirname "$0")/.."

packages=(
  g++ cmake ninja-build git
  libeigen3-dev libboost-random-dev libboost-math-dev libtbb-dev
  nlohmann-json3-dev libcli11-dev libgtest-dev libgmock-dev libbenchmark-dev
  clang-format
)

presets=("$@")
if ((${#presets[@]} == 0)); then presets=(release); fi
# "fuzz" is not a CMake preset: tools/fuzz.sh builds it, with clang and its libFuzzer runtime.
if [[ " ${presets[*]} " == *" fuzz "* ]]; then packages+=(clang libclang-rt-14-dev); fi

missing=()
for package in "${packages[@]}"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing+=("$package")
  fi
done

if ((${#missing[@]} > 0)); then
  echo "setup: installing ${missing[*]}" >&2
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

for preset in "${presets[@]}"; do
  if [ "$preset" = fuzz ]; then continue; fi
  if [ "$preset" = tsan ]; then bash tools/build-tsan-tbb.sh; fi
  if [ ! -f "build/$preset/build.ninja" ]; then cmake --preset "$preset" >/dev/null; fi
  cmake --build --preset "$preset"
done
