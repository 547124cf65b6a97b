#!/usr/bin/env bash
# Pack a PyInstaller folder (packaging/desa-peduli.spec) as a Debian package.
#
#   bash packaging/linux/make-deb.sh DIST_FOLDER VERSION OUTPUT_DIR
#
# Installs the folder as /opt/desa-peduli, links /usr/bin/desa-peduli to it, and adds the
# menu entry (usr/share/applications) and icons (usr/share/icons/hicolor). Needs only
# dpkg-deb (and objdump, to work out the minimum glibc). Prints the .deb's path.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
dist="$(cd "$1" && pwd)"
version="$2"
outdir="$3"
name=desa-peduli
arch="$(dpkg --print-architecture)"
[ -x "$dist/$name" ] || { echo "no program at $dist/$name" >&2; exit 1; }

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
pkg="$stage/${name}_${version}_${arch}"
mkdir -p "$pkg/DEBIAN" "$pkg/opt" "$pkg/usr/bin" "$pkg/usr/share/applications" \
         "$pkg/usr/share/doc/$name"
cp -a "$dist" "$pkg/opt/$name"
ln -s "/opt/$name/$name" "$pkg/usr/bin/$name"
install -m 0644 "$here/desa-peduli.desktop" "$pkg/usr/share/applications/$name.desktop"
for png in "$root"/resources/icons/desa-peduli-*.png; do
  size="$(basename "$png" .png)"; size="${size##*-}"
  install -D -m 0644 "$png" "$pkg/usr/share/icons/hicolor/${size}x${size}/apps/$name.png"
done
install -D -m 0644 "$root/resources/icons/desa-peduli.svg" \
  "$pkg/usr/share/icons/hicolor/scalable/apps/$name.svg"
{
  echo "Desa Peduli $version"
  echo "Licence: MIT (see /opt/$name/_internal/licenses/desa-peduli/LICENSE.txt)."
  echo "Bundled components and their licences: /opt/$name/_internal/licenses/"
  echo
  cat "$dist/_internal/licenses/THIRD-PARTY.txt"
} > "$pkg/usr/share/doc/$name/copyright"

# The newest glibc symbol version any bundled file needs is the minimum libc6.
glibc="2.31"
if command -v objdump >/dev/null 2>&1; then
  found="$(find "$pkg/opt/$name" -type f \( -name '*.so*' -o -name "$name" \) \
             -exec objdump -T {} + 2>/dev/null | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' \
             | sort -t. -k1,1n -k2,2n -u | tail -1)"
  [ -n "$found" ] && glibc="$found"
fi

# X11 libraries Qt's xcb plugin links: bundled when the build machine had them
# (build-linux.sh installs them), else the package depends on them.
depends="libc6 (>= $glibc), libstdc++6, libgcc-s1, libxcb1, libgl1, libegl1"
for pair in libxcb-icccm.so.4:libxcb-icccm4 libxcb-keysyms.so.1:libxcb-keysyms1 \
            libxcb-image.so.0:libxcb-image0 libxcb-render-util.so.0:libxcb-render-util0 \
            libxcb-cursor.so.0:libxcb-cursor0 libxkbcommon-x11.so.0:libxkbcommon-x11-0; do
  [ -e "$pkg/opt/$name/_internal/${pair%%:*}" ] || depends="$depends, ${pair##*:}"
done

chmod -R u+rwX,go+rX,go-w "$pkg"
installed_kb="$(du -sk --exclude=DEBIAN "$pkg" | cut -f1)"
cat > "$pkg/DEBIAN/control" <<EOF
Package: $name
Version: $version
Architecture: $arch
Maintainer: Desa Peduli maintainers <desa-peduli@localhost>
Installed-Size: $installed_kb
Section: misc
Priority: optional
Depends: $depends
Recommends: libwayland-client0, libwayland-cursor0, libwayland-egl1, fonts-dejavu-core
Description: offline, encrypted BPU registration for village volunteers
 Desa Peduli helps volunteers of Gerakan Desa Peduli Jaminan Sosial bring informal
 workers into BPJS Ketenagakerjaan's scheme for non-wage earners (BPU). It works
 without any internet connection; every registration is kept in an encrypted local
 database and carried to the branch office as a sync bundle on a USB stick.
 .
 This package carries its own Python and Qt in /opt/$name.
EOF
mkdir -p "$outdir"
deb="$(cd "$outdir" && pwd)/${name}_${version}_${arch}.deb"
dpkg-deb --root-owner-group -Zxz -z6 --build "$pkg" "$deb" >/dev/null
echo "$deb"
