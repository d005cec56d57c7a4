"""The core translation hook: English unless the interface installs a translator, never a lost message."""
from __future__ import annotations

import pytest

from cnnexplorer.core import i18n


@pytest.fixture(autouse=True)
def english_after():
    yield
    i18n.set_translator(None)


def test_english_without_a_translator():
    assert i18n.translate("shapes", "out = {units} units").format(units=3) == "out = 3 units"


def test_installed_translator_is_used_and_fields_filled_afterwards():
    table = {("shapes", "out = {units} units"): "输出 {units} 个单元"}
    i18n.set_translator(lambda context, text: table.get((context, text), text))
    assert i18n.translate("shapes", "out = {units} units").format(units=3) == "输出 3 个单元"
    assert i18n.translate("other", "out = {units} units") == "out = {units} units"
    i18n.set_translator(None)
    assert i18n.translate("shapes", "out = {units} units") == "out = {units} units"


@pytest.mark.parametrize("broken", [lambda c, t: "", lambda c, t: 1 / 0])
def test_a_broken_translator_keeps_the_english_text(broken):
    i18n.set_translator(broken)
    assert i18n.translate("shapes", "The design has no layers.") == "The design has no layers."
