"""Byte counts as people read them: one formatter for every size the app shows."""
import pytest

from cnnexplorer.core.units import byte_size


@pytest.mark.parametrize("n, text", [
    (532, "532 bytes"),
    (1_500, "1.5 KB"),
    (83_886_080, "83.9 MB"),  # 80 MiB, as a file manager with decimal units shows it
    (256_000_000, "256 MB"),
    (999_960, "1.0 MB"),  # the unit is chosen after rounding: never "1,000 KB"
    (2_000_000_000, "2.0 GB"),
    (16_384_000_000, "16.4 GB"),
    (3 * 10**15, "3,000 TB"),
])
def test_sizes_read_in_about_three_digits_with_the_right_unit(n, text):
    assert byte_size(n) == text
