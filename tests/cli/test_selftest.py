"""`cnnexplorer selftest`: the installation check that the packaged build runs (`make package-test`)."""
import json
import re

import pytest

from cnnexplorer.cli import main
from cnnexplorer.commands import selftest
from cnnexplorer.core.errors import UserError


def test_every_check_passes_in_the_development_install(qapp, capsys, tmp_path):
    report = tmp_path / "selftest.json"
    assert main(["selftest", "--json", str(report)]) == 0
    out = capsys.readouterr().out
    for name in ("resources", "commands", "qt", "keras"):
        assert f"ok    {name}" in out
    assert "All 4 checks passed" in out
    assert re.search(r"\d+ sample photos \(.*cat", out) and "1000 ImageNet class names" in out
    assert "selftest" in out and "gui" in out  # the command list it found
    data = json.loads(report.read_text())
    assert data["ok"] is True and data["frozen"] is False
    assert [c["name"] for c in data["checks"]] == ["resources", "commands", "qt", "keras"]


def test_a_missing_bundled_file_fails_naming_it(capsys, monkeypatch):
    import cnnexplorer.core.resources as resources  # the check imports resource_path when it runs

    original = resources.resource_path

    def without_sample(*parts):
        if parts == ("data", "mnist_sample.npz"):
            raise UserError("The bundled file data/mnist_sample.npz is missing from /x. "
                            "The installation is incomplete: reinstall CNN Explorer.")
        return original(*parts)

    monkeypatch.setattr(resources, "resource_path", without_sample)
    assert main(["selftest", "--check", "resources", "--check", "commands"]) == 1
    out = capsys.readouterr().out
    assert "FAIL  resources" in out and "data/mnist_sample.npz is missing" in out
    assert "ok    commands" in out  # one failure does not hide the other checks
    assert "1 of 2 checks failed: resources" in out


def test_a_missing_command_is_reported(capsys, monkeypatch):
    monkeypatch.setattr(selftest, "REQUIRED_COMMANDS", ("gui", "teleport"))
    assert main(["selftest", "--check", "commands"]) == 1
    assert "command(s) teleport not found" in capsys.readouterr().out


def test_unknown_check_name_is_an_argument_error(capsys):
    with pytest.raises(SystemExit) as exit_info:
        main(["selftest", "--check", "everything"])
    assert exit_info.value.code == 2
