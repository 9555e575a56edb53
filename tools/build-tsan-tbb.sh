#!/usr/bin/env bash
# Builds oneTBB with ThreadSanitizer from Debian's own source package into
# ~/.cache/omnisim/tbb-tsan (where the tsan preset looks for it). TSan must see every
# synchronisation: with Debian's uninstrumented libtbb it cannot see how tasks hand data to each
# other and reports false races. The build lives outside the clone, so fresh clones on one machine
# share it; it is rebuilt only when Debian's libtbb-dev changes version.
set -euo pipefail

cd "$(dirname "$0")/.."
prefix="$HOME/.cache/omnisim/tbb-tsan"
version=$(dpkg-query -W -f='${Version}' libtbb-dev)
stamp="$prefix/debian-version"
if [ -f "$prefix/lib/cmake/TBB/TBBConfig.cmake" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
if ! grep -rqs "deb-src" /etc/apt/sources.list /etc/apt/sources.list.d/; then
  echo "build-tsan-tbb: enabling Debian source packages" >&2
  $sudo tee /etc/apt/sources.list.d/omnisim-deb-src.sources >/dev/null <<'SOURCES'
Types: deb-src
URIs: http://deb.debian.org/debian
Suites: bookworm
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
SOURCES
  $sudo apt-get update -qq
fi

echo "build-tsan-tbb: building oneTBB $version with ThreadSanitizer into $prefix" >&2
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
(cd "$work" && apt-get source -qq --download-only "onetbb=$version" 2>/dev/null && tar xf onetbb_*.orig.tar.xz)
source_dir=$(find "$work" -mindepth 1 -maxdepth 1 -type d | head -n 1)
rm -rf "$prefix"
cmake -S "$source_dir" -B "$work/build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTBB_TEST=OFF -DTBB_EXAMPLES=OFF -DTBBMALLOC_BUILD=OFF -DTBB_STRICT=OFF \
  -DTBB_SANITIZE=thread -DCMAKE_INSTALL_PREFIX="$prefix" >/dev/null
cmake --build "$work/build" >/dev/null
cmake --install "$work/build" >/dev/null
echo "$version" >"$stamp"
echo "build-tsan-tbb: installed a TSan-instrumented oneTBB in $prefix" >&2
