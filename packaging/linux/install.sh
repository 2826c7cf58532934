#!/usr/bin/env bash
# Install the built app (dist/reviewer from packaging/build.sh) for the current user:
# the program in ~/.local/opt/reviewer, `reviewer` on ~/.local/bin, the menu entry, icons and
# AppStream metainfo in ~/.local/share. PREFIX=/usr/local (as root) installs for everyone.
# Undo with: bash packaging/linux/install.sh --uninstall
set -euo pipefail
cd "$(dirname "$0")/../.."
PREFIX=${PREFIX:-$HOME/.local}
ID=org.reviewer.Reviewer
if [ "${1:-}" = "--uninstall" ]; then
  rm -rf "$PREFIX/opt/reviewer" "$PREFIX/bin/reviewer" "$PREFIX/share/applications/$ID.desktop" \
    "$PREFIX/share/metainfo/$ID.metainfo.xml"
  rm -f "$PREFIX"/share/icons/hicolor/*/apps/$ID.png
  echo "Reviewer removed from $PREFIX (your library and settings are kept)."
  exit 0
fi
[ -x dist/reviewer/reviewer ] || { echo "Build first: bash packaging/build.sh" >&2; exit 1; }
mkdir -p "$PREFIX/opt" "$PREFIX/bin" "$PREFIX/share/applications" "$PREFIX/share/metainfo"
rm -rf "$PREFIX/opt/reviewer.new"
cp -a dist/reviewer "$PREFIX/opt/reviewer.new"
rm -rf "$PREFIX/opt/reviewer"
mv "$PREFIX/opt/reviewer.new" "$PREFIX/opt/reviewer"
ln -sf "$PREFIX/opt/reviewer/reviewer" "$PREFIX/bin/reviewer"
install -m 644 packaging/linux/$ID.desktop "$PREFIX/share/applications/$ID.desktop"
install -m 644 packaging/linux/$ID.metainfo.xml "$PREFIX/share/metainfo/$ID.metainfo.xml"
for size in 16 24 32 48 64 128 256 512; do
  mkdir -p "$PREFIX/share/icons/hicolor/${size}x${size}/apps"
  install -m 644 "packaging/icons/reviewer-$size.png" "$PREFIX/share/icons/hicolor/${size}x${size}/apps/$ID.png"
done
command -v update-desktop-database >/dev/null && update-desktop-database -q "$PREFIX/share/applications" || true
command -v gtk-update-icon-cache >/dev/null && gtk-update-icon-cache -q "$PREFIX/share/icons/hicolor" || true
echo "Reviewer installed in $PREFIX/opt/reviewer; it is in the applications menu, and 'reviewer' is on $PREFIX/bin."
