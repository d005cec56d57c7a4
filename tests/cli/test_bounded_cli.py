"""Issue 16 items 2 and 5 from the command line: a decompression bomb and a design too large to build."""
import copy
import json
import struct
import zlib

import pytest

from cnnexplorer.cli import main
from cnnexplorer.core.spec import template


def png_header_bomb(width: int, height: int) -> bytes:
    """A few hundred bytes of PNG declaring ``width`` × ``height`` RGB pixels."""
    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0))
            + chunk(b"IDAT", zlib.compress(b"\0" * 4096)) + chunk(b"IEND", b""))


@pytest.mark.parametrize("command", ["gradcam", "activations"])
@pytest.mark.parametrize("side", [40_000, 20_000])
def test_a_bomb_image_is_one_sentence_before_the_model_is_loaded(tmp_path, capsys, command, side):
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header_bomb(side, side))
    rc = main([command, "--model", str(tmp_path / "any.keras"), "--image", str(bomb), "--out", str(tmp_path / "o.png")])
    err = capsys.readouterr().err.strip()
    assert rc == 1
    assert err == (f"error: bomb.png is a PNG of {side:,} × {side:,} pixels ({side * side // 1_000_000:,} megapixels); "
                   "this app reads images of up to 50 megapixels. Use a smaller copy.")
    assert not (tmp_path / "o.png").exists()


def test_a_design_of_785_billion_parameters_is_not_fine(tmp_path, capsys):
    data = copy.deepcopy(template("dense-baseline").to_dict())
    data["layers"][2]["units"] = 10**9
    path = tmp_path / "huge.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    assert main(["summary", "--spec", str(path)]) == 1
    captured = capsys.readouterr()
    assert "785,000,000,000" in captured.out  # the table still shows the arithmetic
    assert "parameters; the app trains designs of up to 100,000,000" in captured.err
