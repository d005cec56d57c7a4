"""An image's declared size, read from its header before anything is decoded.

A 1.5 MB PNG can declare 40,000 × 40,000 pixels: decoding it would allocate
4.8 GB. :func:`declared_size` reads the width and height that the file itself
states (PNG, JPEG, GIF, BMP, WebP, TIFF: the formats the app reads) from the
first bytes, in plain Python, so :mod:`cnnexplorer.core.images` can refuse a
picture larger than :data:`MAX_PIXELS` before OpenCV allocates anything.

Only what the formats' specifications put in their headers is read; nothing is
decompressed. A format not listed here is not an image this app reads, which
also keeps OpenCV's other decoders (PPM, EXR, HDR, JPEG 2000...) away from
untrusted files.
"""
from __future__ import annotations

import struct
from dataclasses import dataclass

MAX_PIXELS = 50_000_000  # 50 megapixels: a 50 MP RGB image is 150 MB decoded; a phone photo is 12-48 MP
# How far into a file the size is looked for (JPEG and GIF put metadata first): bounds the time a crafted
# file of millions of tiny segments can take.
MAX_HEADER_SCAN = 4_000_000


@dataclass(frozen=True)
class Declared:
    format: str  # "PNG", "JPEG", "GIF", "BMP", "WebP", "TIFF"
    width: int
    height: int

    @property
    def pixels(self) -> int:
        return self.width * self.height


class _Short(Exception):
    """The header ends before the size (a truncated file)."""


def _unpack(fmt: str, data: bytes, offset: int) -> tuple:
    size = struct.calcsize(fmt)
    if offset < 0 or offset + size > len(data):
        raise _Short
    return struct.unpack_from(fmt, data, offset)


def _png(data: bytes) -> Declared | None:
    # signature (8) + IHDR length (4) + "IHDR" (4) + width, height (big-endian u32)
    if data[12:16] != b"IHDR":
        return None
    width, height = _unpack(">II", data, 16)
    return Declared("PNG", width, height)


def _gif(data: bytes) -> Declared | None:
    # Logical screen, then the first frame's image descriptor: a frame may declare more than the screen.
    width, height, flags = _unpack("<HHB", data, 6)
    pos = 13
    if flags & 0x80:
        pos += 3 * (2 ** ((flags & 0x07) + 1))
    end = min(len(data), MAX_HEADER_SCAN)
    while pos < end:
        block = data[pos]
        if block == 0x2C:  # image descriptor
            left, top, w, h = _unpack("<HHHH", data, pos + 1)
            return Declared("GIF", max(width, left + w), max(height, top + h))
        if block != 0x21:
            return Declared("GIF", width, height)  # trailer or damage: the screen size is what we know
        pos += 2  # extension: introducer, label, then sub-blocks until a zero length
        while pos < end:
            length = data[pos]
            pos += 1 + length
            if length == 0:
                break
    # megabytes of extensions before the first frame (no real GIF looks like that), or a truncated file
    return None if pos >= MAX_HEADER_SCAN else Declared("GIF", width, height)


def _bmp(data: bytes) -> Declared | None:
    (header,) = _unpack("<I", data, 14)
    if header == 12:  # OS/2 BITMAPCOREHEADER: 16-bit sizes
        width, height = _unpack("<HH", data, 18)
    else:
        width, height = _unpack("<ii", data, 18)
    return Declared("BMP", abs(width), abs(height))  # a negative height means top-down rows


# JPEG start-of-frame markers (C0-CF without C4 DHT, C8 JPG, CC DAC) carry the frame size.
_SOF = {0xC0, 0xC1, 0xC2, 0xC3, 0xC5, 0xC6, 0xC7, 0xC9, 0xCA, 0xCB, 0xCD, 0xCE, 0xCF}


def _jpeg(data: bytes) -> Declared | None:
    # Plain indexing rather than struct: a crafted file may hold a million tiny segments before the frame.
    end = min(len(data), MAX_HEADER_SCAN)
    pos = 2
    while pos + 4 <= end:
        if data[pos] != 0xFF:
            return None  # not at a marker: damaged
        marker = data[pos + 1]
        if marker == 0xFF:  # a fill byte before the marker
            pos += 1
            continue
        pos += 2
        if marker in (0xD9, 0xDA):  # end of image, or image data before any frame header
            return None
        if 0xD0 <= marker <= 0xD7 or marker == 0x01:  # markers without a length
            continue
        length = (data[pos] << 8) | data[pos + 1]
        if marker in _SOF:
            height, width = _unpack(">HH", data, pos + 3)
            return Declared("JPEG", width, height)
        if length < 2:
            return None
        pos += length
    return None


def _webp(data: bytes) -> Declared | None:
    chunk = data[12:16]
    if chunk == b"VP8X":  # extended: 24-bit (width - 1), (height - 1) at 24
        w = int.from_bytes(_take(data, 24, 3), "little") + 1
        h = int.from_bytes(_take(data, 27, 3), "little") + 1
        return Declared("WebP", w, h)
    if chunk == b"VP8L":  # lossless: signature 0x2F, then 14 bits (width - 1), 14 bits (height - 1)
        (bits,) = _unpack("<I", data, 21)
        return Declared("WebP", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8 ":  # lossy: frame tag (3), start code 9D 01 2A, then 14-bit width and height
        if _take(data, 23, 3) != b"\x9d\x01\x2a":
            return None
        w, h = _unpack("<HH", data, 26)
        return Declared("WebP", w & 0x3FFF, h & 0x3FFF)
    return None


def _tiff(data: bytes) -> Declared | None:
    order = "<" if data[:2] == b"II" else ">"
    (magic,) = _unpack(order + "H", data, 2)
    if magic == 43:  # BigTIFF: 8-byte offsets
        (ifd,) = _unpack(order + "Q", data, 8)
        (count,) = _unpack(order + "Q", data, ifd)
        entry_size, first, tag_fmt = 20, ifd + 8, "HHQ"
    elif magic == 42:
        (ifd,) = _unpack(order + "I", data, 4)
        (count,) = _unpack(order + "H", data, ifd)
        entry_size, first, tag_fmt = 12, ifd + 2, "HHI"
    else:
        return None
    width = height = None
    for i in range(min(count, 4096)):
        at = first + i * entry_size
        tag, kind, _n = _unpack(order + tag_fmt, data, at)
        if tag not in (256, 257):
            continue
        value_at = at + struct.calcsize(order + tag_fmt)
        if kind == 3:  # SHORT
            (value,) = _unpack(order + "H", data, value_at)
        elif kind == 4:  # LONG
            (value,) = _unpack(order + "I", data, value_at)
        elif kind == 16:  # LONG8 (BigTIFF)
            (value,) = _unpack(order + "Q", data, value_at)
        else:
            return None
        if tag == 256:
            width = value
        else:
            height = value
        if width is not None and height is not None:
            return Declared("TIFF", width, height)
    return None


def _take(data: bytes, offset: int, size: int) -> bytes:
    if offset + size > len(data):
        raise _Short
    return data[offset:offset + size]


def declared_size(data: bytes) -> Declared | None:
    """The format and size an image file declares, or None if it is none of the formats the app reads.

    ``data`` is the file's content, or at least its first bytes (JPEG headers
    can sit after up to a few hundred KB of metadata). A truncated or damaged
    header gives None too: such a file is not a readable image.
    """
    head = bytes(data[:16])
    try:
        if head.startswith(b"\x89PNG\r\n\x1a\n"):
            return _png(data)
        if head.startswith(b"\xff\xd8\xff"):
            return _jpeg(data)
        if head[:6] in (b"GIF87a", b"GIF89a"):
            return _gif(data)
        if head.startswith(b"BM"):
            return _bmp(data)
        if head.startswith(b"RIFF") and head[8:12] == b"WEBP":
            return _webp(data)
        if head[:4] in (b"II*\x00", b"MM\x00*", b"II+\x00", b"MM\x00+"):
            return _tiff(data)
    except (_Short, struct.error, IndexError):
        return None
    return None
