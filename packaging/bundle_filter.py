"""Trim the PyInstaller collection: Qt plugins a desktop app never loads, and the libraries only they needed.

Used by cnnexplorer.spec. PyInstaller's Qt hooks collect every plugin of each plugin family, and then every
shared library those plugins link against, taken from the *build* machine. Two cases matter on Linux:

- the GTK3 platform theme drags in the build machine's GTK stack (cairo, pango, gdk-pixbuf, gio, ...); on a
  user's machine it would be mixed with their own GTK and can crash, while without it Qt draws its own
  style and file dialogs (or uses the desktop portal, which is kept);
- the embedded-device platforms (eglfs, linuxfb, vnc, vkkhrdisplay) and their input plugins drag in
  Qt Network, Kerberos, libdrm ... for screens without a window system.

A library is dropped only when every library that links against it (DT_NEEDED) is dropped too, so nothing
another part of the bundle links against is removed. Libraries that are loaded at run time by name (dlopen)
have no such links and are never touched. `make package-test` runs the result.
"""
from __future__ import annotations

import struct
from pathlib import PurePosixPath

# Destination paths (inside the bundle, "/"-separated) of plugins a desktop app does not use.
UNUSED_QT_PLUGINS = (
    "plugins/platformthemes/libqgtk3.so",
    "plugins/platforms/libqeglfs.so",
    "plugins/platforms/libqlinuxfb.so",
    "plugins/platforms/libqminimalegl.so",
    "plugins/platforms/libqvkkhrdisplay.so",
    "plugins/platforms/libqvnc.so",
    "plugins/egldeviceintegrations/",
    "plugins/generic/",
)


def is_unused_qt_plugin(dest: str) -> bool:
    dest = dest.replace("\\", "/")
    return "/Qt/plugins/" in dest and any(pattern in dest for pattern in UNUSED_QT_PLUGINS)


def elf_needed(path: str) -> list[str]:
    """The DT_NEEDED entries (linked libraries) of a 64- or 32-bit ELF file; [] for anything else."""
    try:
        with open(path, "rb") as f:
            data = f.read()
    except OSError:
        return []
    if data[:4] != b"\x7fELF":
        return []
    is64 = data[4] == 2
    end = "<" if data[5] == 1 else ">"
    if is64:
        shoff, = struct.unpack_from(end + "Q", data, 0x28)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x3A)
    else:
        shoff, = struct.unpack_from(end + "I", data, 0x20)
        shentsize, shnum = struct.unpack_from(end + "HH", data, 0x2E)
    sections = []
    for i in range(shnum):
        base = shoff + i * shentsize
        if is64:
            _, sh_type, _, _, offset, size, link = struct.unpack_from(end + "IIQQQQI", data, base)
        else:
            _, sh_type, _, _, offset, size, link = struct.unpack_from(end + "IIIIIII", data, base)
        sections.append((sh_type, offset, size, link))
    needed = []
    for sh_type, offset, size, link in sections:
        if sh_type != 6:  # SHT_DYNAMIC
            continue
        str_offset = sections[link][1]
        entry_size = 16 if is64 else 8
        for pos in range(offset, offset + size, entry_size):
            tag, value = struct.unpack_from(end + ("qQ" if is64 else "iI"), data, pos)
            if tag == 0:  # DT_NULL
                break
            if tag == 1:  # DT_NEEDED
                name_end = data.index(b"\0", str_offset + value)
                needed.append(data[str_offset + value:name_end].decode("utf-8", "replace"))
    return needed


def prune(binaries: list, drop) -> tuple[list, list[str]]:
    """Remove the entries `drop(dest)` selects, then every library only they (transitively) linked against.

    `binaries` is PyInstaller's TOC: (dest_name, src_path, typecode) tuples. Returns (kept, dropped dests).
    """
    by_name: dict[str, list[str]] = {}  # library file name -> dests of the entries with that name
    for dest, _src, _kind in binaries:
        by_name.setdefault(PurePosixPath(dest.replace("\\", "/")).name, []).append(dest)
    referrers: dict[str, set[str]] = {dest: set() for dest, _src, _kind in binaries}
    for dest, src, _kind in binaries:
        for lib in elf_needed(src):
            for target in by_name.get(lib, ()):
                referrers[target].add(dest)
    dropped = {dest for dest, _src, _kind in binaries if drop(dest)}
    changed = bool(dropped)
    while changed:
        changed = False
        for dest, users in referrers.items():
            if dest not in dropped and users and users <= dropped:
                dropped.add(dest)
                changed = True
    # A symbolic link to a dropped file goes too (PyInstaller links top-level names to nested libraries).
    for dest, src, kind in binaries:
        if kind == "SYMLINK" and _link_target(dest, src) in dropped:
            dropped.add(dest)
    kept = [entry for entry in binaries if entry[0] not in dropped]
    return kept, sorted(dropped)


def _link_target(dest: str, link: str) -> str:
    import os

    return os.path.normpath(os.path.join(os.path.dirname(dest), link))
