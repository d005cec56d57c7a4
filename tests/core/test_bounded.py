"""Bounded reading (issue 16, items 2 and 3): image headers before decoding, JSON within limits, short echoes."""
import io
import json
import struct
import subprocess
import sys
import textwrap
import zlib

import cv2
import numpy as np
import pytest

from cnnexplorer.core import images
from cnnexplorer.core.bounded import (
    MAX_ECHO,
    InputLimitError,
    clip,
    clip_repr,
    load_json,
    read_json_file,
)
from cnnexplorer.core.errors import ImageError
from cnnexplorer.core.image_header import declared_size
from cnnexplorer.core.resources import sample_images


def png_header_bomb(width: int, height: int) -> bytes:
    """A tiny PNG whose header declares ``width`` × ``height`` RGB pixels (what a decompression bomb looks like)."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    rows = zlib.compress(b"\0" * (1 + 3 * width) * 4)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", rows) + chunk(b"IEND", b""))


RGB = np.random.default_rng(0).integers(0, 255, (37, 53, 3), dtype=np.uint8)


@pytest.mark.parametrize("suffix", [".png", ".jpg", ".bmp", ".tif", ".webp", ".gif"])
def test_the_header_parser_reads_what_opencv_writes(suffix):
    ok, buf = cv2.imencode(suffix, RGB)
    assert ok
    found = declared_size(buf.tobytes())
    assert (found.width, found.height) == (53, 37)


@pytest.mark.parametrize("fmt,options", [("TIFF", {}), ("TIFF", {"compression": "tiff_lzw"}),
                                         ("WEBP", {"lossless": True}),
                                         ("JPEG", {"progressive": True}), ("GIF", {}), ("BMP", {}), ("PNG", {})])
def test_the_header_parser_reads_what_pillow_writes(fmt, options):
    from PIL import Image

    buffer = io.BytesIO()
    Image.fromarray(RGB).convert("RGBA" if fmt == "WEBP" else "RGB").save(buffer, fmt, **options)
    found = declared_size(buffer.getvalue())
    assert (found.width, found.height) == (53, 37)


def test_every_bundled_photo_has_a_readable_header():
    for path in sample_images().values():
        found = declared_size(path.read_bytes())
        assert found is not None and found.pixels == np.prod(images.load_image(path).shape[:2])


def test_unknown_truncated_and_empty_data_have_no_size():
    ok, buf = cv2.imencode(".jpg", RGB)
    for data in (b"", b"P6\n40000 40000\n255\n", buf.tobytes()[:40], b"\x89PNG\r\n\x1a\n", b"GIF89a\x01"):
        assert declared_size(data) is None


def test_a_bomb_is_refused_with_its_size_before_decoding(tmp_path):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header_bomb(40_000, 40_000))
    with pytest.raises(ImageError) as info:
        images.load_image(bomb)
    assert str(info.value) == ("bomb.png is a PNG of 40,000 × 40,000 pixels (1,600 megapixels); this app reads "
                               "images of up to 50 megapixels. Use a smaller copy.")


def test_an_opencv_error_while_decoding_is_not_a_readable_image(tmp_path, monkeypatch):
    path = tmp_path / "odd.png"
    images.save_png(path, RGB)

    def explode(*args):
        raise cv2.error("OpenCV(5.1.0) imdecode: insufficient memory")

    monkeypatch.setattr(images.cv2, "imdecode", explode)
    with pytest.raises(ImageError, match="odd.png is not an image this app can read"):
        images.load_image(path)


def test_other_formats_opencv_knows_are_not_decoded(tmp_path):
    path = tmp_path / "big.ppm"
    path.write_bytes(b"P6\n40000 40000\n255\n" + b"\0" * 100)
    with pytest.raises(ImageError, match="not an image this app can read"):
        images.load_image(path)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc/self/status")
def test_peak_memory_for_a_20000_square_bomb_stays_small(tmp_path):
    bomb = tmp_path / "bomb20k.png"
    bomb.write_bytes(png_header_bomb(20_000, 20_000))
    code = textwrap.dedent(rf"""
        import re
        from cnnexplorer.core.images import load_image
        from cnnexplorer.core.errors import ImageError
        try:
            load_image({str(bomb)!r})
        except ImageError as exc:
            # VmHWM, this process's own peak: ru_maxrss would include the (large) pytest process it was forked from
            status = open("/proc/self/status").read()
            print(int(re.search(r"VmHWM:\s+(\d+) kB", status).group(1)) // 1024, exc)
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    peak_mb, message = run.stdout.split(" ", 1)
    assert "20,000 × 20,000" in message
    assert int(peak_mb) < 200


# -- JSON ---------------------------------------------------------------------------

@pytest.mark.parametrize("text,words", [
    ('{"a": ' + "9" * 5000 + "}", "an integer of 5,000 digits"),
    ('{"a": 1e400}', "the number 1e400, too large"),
    ('{"a": NaN}', "NaN, which is not a number JSON allows"),
    ('{"a": ' + "[" * 100_000 + "]" * 100_000 + "}", "nested more than 64 levels"),
    ('{"a": ' + "[" * 100 + "]" * 100 + "}", "nested more than 64 levels"),
    ('{"a": 1.' + "0" * 100 + "}", "written with 102 characters"),
    ("{not json", "not valid JSON (line 1, column 2"),
])
def test_hostile_json_is_refused_in_one_sentence(text, words):
    with pytest.raises(InputLimitError) as info:
        load_json(text, "the design")
    message = str(info.value)
    assert words in message and message.startswith("The design") and len(message) < 300


def test_a_json_file_over_the_cap_is_refused_before_it_is_read(tmp_path):
    path = tmp_path / "padded.json"
    with open(path, "wb") as fh:
        fh.write(b"{}")
        fh.truncate(3_000_000)
    with pytest.raises(InputLimitError, match=r"padded.json is 3.0 MB, more than the 2.0 MB this app reads"):
        read_json_file(path, "the design file")
    with pytest.raises(InputLimitError, match="is a folder"):
        read_json_file(tmp_path, "the design file")
    assert load_json(json.dumps({"ok": [1, 2.5, "x"]}), "x") == {"ok": [1, 2.5, "x"]}


def test_user_input_is_never_echoed_whole():
    assert len(clip("x" * 10_000_000)) <= MAX_ECHO + 30
    assert clip("short") == "short"
    assert "10,000,000 characters" in clip("x" * 10_000_000)
    assert clip_repr(10 ** 5000) == "a number of about 5,001 digits"
    assert len(clip_repr(["y" * 1000] * 1000)) < MAX_ECHO
    deep = []
    for _ in range(100_000):
        deep = [deep]
    assert len(clip_repr(deep)) < MAX_ECHO
    assert clip_repr([3]) == "[3]" and clip_repr("same") == "'same'"


def test_a_header_hidden_behind_megabytes_of_tiny_segments_is_not_searched_for_ever():
    gif = b"GIF89a" + struct.pack("<HHB", 10, 10, 0) + b"\0\0" + b"\x21\xfe\x01x\x00" * 1_000_000
    jpeg = b"\xff\xd8" + b"\xff\xfe\x00\x02" * 1_100_000 + b"\xff\xc0\x00\x11\x08\x00\x10\x00\x10"
    assert declared_size(gif) is None and declared_size(jpeg) is None
    assert declared_size(jpeg[:2] + jpeg[-9:]).width == 16  # the same frame header, found when it comes first


# -- never a traceback, whatever the bytes ------------------------------------------

from hypothesis import HealthCheck, given, settings  # noqa: E402
from hypothesis import strategies as st  # noqa: E402

PREFIXES = [b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", b"\xff\xd8\xff", b"GIF89a", b"BM", b"RIFF\x00\x00\x00\x00WEBPVP8",
            b"II*\x00", b"MM\x00*", b"II+\x00", b""]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PREFIXES), st.binary(max_size=300))
def test_any_bytes_give_a_size_none_or_a_one_sentence_refusal(prefix, tail):
    data = prefix + tail
    found = declared_size(data)
    assert found is None or (found.width >= 0 and found.height >= 0)
    try:
        image = images.decode_image(data, None, "x.png")
    except ImageError as exc:
        assert "megapixels" in str(exc)
    else:
        assert image is None or image.ndim == 3


@settings(max_examples=150, deadline=None)
@given(st.one_of(st.text(max_size=200), st.binary(max_size=200),
                 st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(),
                              lambda inner: st.lists(inner) | st.dictionaries(st.text(), inner), max_leaves=30)
                 .map(lambda v: json.dumps(v))))
def test_any_text_is_parsed_or_refused_in_one_sentence(text):
    try:
        load_json(text, "the design")
    except InputLimitError as exc:
        assert "\n" not in str(exc) and len(str(exc)) < 400
