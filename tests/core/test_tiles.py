"""The tile geometry shared by Visualize's grids and the widget that draws them: a tile's rectangle and the tile
under a click agree."""
from cnnexplorer.core.tiles import TileLayout


def test_the_tile_under_each_tiles_rectangle_is_that_tile_and_padding_is_none():
    layout = TileLayout(rows=2, cols=3, tile_h=4, tile_w=5, pad=1, count=5)
    for index in range(layout.count):
        x, y, w, h = layout.tile_rect(index)
        assert layout.tile_at(x, y) == index and layout.tile_at(x + w - 1, y + h - 1) == index
        assert layout.tile_at(x + w, y) is None  # the padding to its right
    x, y, _, _ = layout.tile_rect(5)
    assert layout.tile_at(x, y) is None  # the empty cell after the last tile
    assert layout.tile_at(0, 0) is None
