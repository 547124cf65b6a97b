#!/usr/bin/env bash
# Build Desa Peduli for Linux: a PyInstaller folder and a .deb made from it.
#
#   bash packaging/build-linux.sh            # → packaging/dist/desa-peduli_<version>_<arch>.deb
#   bash packaging/build-linux.sh --no-deb   # only the folder packaging/dist/desa-peduli/
#   bash packaging/build-linux.sh --tar      # also desa-peduli-<version>-linux-<arch>.tar.gz
#   bash packaging/build-linux.sh --out DIR  # results in DIR (work files in DIR/build)
#
# On a fresh Debian 12 / Ubuntu machine with python3 and git: installs what is missing
# (tools/bootstrap.sh for the venv, binutils and the X11 libraries Qt's xcb plugin
# links, so they are bundled too, and PyInstaller into .venv), then builds. The result
# needs no Python and no internet on the target. Build on the oldest distribution you
# want to support: the target needs this machine's glibc or newer.
set -euo pipefail
cd "$(dirname "$0")/.."

make_deb=1
make_tar=0
dist=packaging/dist
work=packaging/build
while [ $# -gt 0 ]; do
  case "$1" in
    --no-deb) make_deb=0 ;;
    --tar) make_tar=1 ;;
    --out) dist="$2"; work="$2/build"; shift ;;
    -h|--help) sed -n '2,14p' "$0"; exit 0 ;;
    *) echo "unknown option: $1" >&2; exit 2 ;;
  esac
  shift
done

bash tools/bootstrap.sh

# objdump/strip (binutils) are used by PyInstaller; the xcb libraries are bundled when found
BUILD_PACKAGES=(binutils libxcb-icccm4 libxcb-keysyms1 libxcb-image0 libxcb-render-util0
                libxcb-shape0 libxcb-randr0 libxcb-xkb1 libxkbcommon-x11-0 libxcb-cursor0)
missing=()
for pkg in "${BUILD_PACKAGES[@]}"; do
  dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "Installing build packages: ${missing[*]}"
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  if ! { $SUDO apt-get update -qq &&
         DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends \
           "${missing[@]}"; }; then
    # Still buildable: the .deb then depends on the X11 libraries it could not bundle.
    echo "WARNING: could not install ${missing[*]}; continuing without them" >&2
  fi
fi
command -v objdump >/dev/null || { echo "objdump is needed (package binutils)" >&2; exit 1; }
command -v dpkg-deb >/dev/null || { echo "dpkg-deb is needed (package dpkg)" >&2; exit 1; }

if ! .venv/bin/python -c "import PyInstaller" >/dev/null 2>&1; then
  echo "Installing PyInstaller into .venv (the 'packaging' extra of pyproject.toml)"
  .venv/bin/python -m pip install -q -e '.[test,dev,packaging]'
fi

version="$(.venv/bin/python -c 'import tomllib; print(tomllib.load(open("pyproject.toml", "rb"))["project"]["version"])')"
mkdir -p "$dist"
rm -rf "$dist/desa-peduli"
.venv/bin/python -m PyInstaller --noconfirm --clean --log-level WARN \
    --distpath "$dist" --workpath "$work" packaging/desa-peduli.spec

size_mb="$(du -sm "$dist/desa-peduli" | cut -f1)"
echo "Built $dist/desa-peduli ($size_mb MB, budget 250 MB)"
"$dist/desa-peduli/desa-peduli" --version

if [ "$make_tar" -eq 1 ]; then
  tarball="$dist/desa-peduli-$version-linux-$(uname -m).tar.gz"
  tar -C "$dist" -czf "$tarball" desa-peduli
  echo "Wrote $tarball"
fi
if [ "$make_deb" -eq 1 ]; then
  deb="$(bash packaging/linux/make-deb.sh "$dist/desa-peduli" "$version" "$dist")"
  echo "Wrote $deb"
  echo "Install: sudo apt install $deb   (or: sudo dpkg -i $deb)"
fi
