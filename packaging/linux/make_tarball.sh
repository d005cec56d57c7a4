#!/bin/sh
# Pack the PyInstaller folder build into the Linux tarball, with the desktop entry, icon and install script.
#   sh packaging/linux/make_tarball.sh dist/cnnexplorer dist/cnnexplorer-0.1.0-linux-x86_64.tar.gz
# The tarball unpacks to one folder, cnnexplorer/: run ./cnnexplorer, or ./install.sh for a menu entry.
set -eu
BUNDLE=$1
TARBALL=$2
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
if [ ! -x "$BUNDLE/cnnexplorer" ]; then
    echo "error: $BUNDLE/cnnexplorer is missing: build the bundle first (make package)." >&2
    exit 1
fi
cp "$ROOT/packaging/cnnexplorer.desktop" "$ROOT/resources/icons/cnnexplorer.png" "$BUNDLE/"
cp "$HERE/install.sh" "$BUNDLE/install.sh"
cp "$HERE/README.txt" "$BUNDLE/README.txt"
chmod 755 "$BUNDLE/install.sh"
# gzip -1: TensorFlow's libraries barely compress further, and -9 costs minutes on a slow machine.
tar -C "$(dirname "$BUNDLE")" -cf - "$(basename "$BUNDLE")" | gzip -1 > "$TARBALL.part"
mv "$TARBALL.part" "$TARBALL"
echo "wrote $TARBALL ($(du -h "$TARBALL" | cut -f1))"
