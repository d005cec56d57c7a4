#!/bin/sh
# Add CNN Explorer to your applications menu (for the current user; no root needed).
#   ./install.sh              add the menu entry and icon, pointing at this folder
#   ./install.sh --uninstall  remove them again (this folder is left alone)
# Move this folder where you want to keep it *before* running this script.
set -eu
HERE=$(cd "$(dirname "$0")" && pwd)
DATA=${XDG_DATA_HOME:-$HOME/.local/share}
ENTRY="$DATA/applications/cnnexplorer.desktop"
ICON="$DATA/icons/hicolor/256x256/apps/cnnexplorer.png"

if [ "${1:-}" = "--uninstall" ]; then
    rm -f "$ENTRY" "$ICON"
    echo "Removed the CNN Explorer menu entry. Delete $HERE to remove the program itself."
    exit 0
fi
if [ ! -x "$HERE/cnnexplorer" ]; then
    echo "error: $HERE/cnnexplorer is missing: unpack the whole tarball, then run this script from it." >&2
    exit 1
fi
mkdir -p "$(dirname "$ENTRY")" "$(dirname "$ICON")"
cp "$HERE/cnnexplorer.png" "$ICON"
# Desktop entries quote paths with double quotes; point Exec/TryExec at this folder.
sed -e "s|^Exec=.*|Exec=\"$HERE/cnnexplorer\"|" -e "s|^TryExec=.*|TryExec=$HERE/cnnexplorer|" \
    "$HERE/cnnexplorer.desktop" > "$ENTRY"
chmod 644 "$ENTRY"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$DATA/applications" || true
command -v gtk-update-icon-cache >/dev/null 2>&1 && gtk-update-icon-cache -q "$DATA/icons/hicolor" 2>/dev/null || true
echo "CNN Explorer is now in your applications menu (entry: $ENTRY)."
echo "To check the installation: \"$HERE/cnnexplorer\" selftest"
