"""The one way to write a file: the previous file survives every failure, and the reason is one sentence."""
import os
import subprocess
import sys
import textwrap

import pytest

from cnnexplorer.core.files import (
    FileWriteError,
    atomic_path,
    check_writable,
    remove_stale_temporaries,
    short_path,
    write_bytes,
)


def test_a_path_in_a_message_keeps_both_ends_and_never_fails_to_print():
    long = "/home/teacher/" + "x" * 200 + "/cats/tabby.png"
    shown = short_path(long)
    assert len(shown) <= 120 and shown.startswith("/home/teacher/") and shown.endswith("/cats/tabby.png")
    assert short_path(long, None) == long
    assert short_path(b"/photos/caf\xe9.png") == "/photos/caf\\xe9.png"  # a Latin-1 name, as os.scandir gives it
    assert short_path("/photos/caf\udce9.png").encode("utf-8") == b"/photos/caf\\xe9.png"


def test_write_replaces_the_file_whole_and_leaves_no_temporary(tmp_path):
    target = tmp_path / "model.py"
    target.write_text("old")
    write_bytes(target, b"new content")
    assert target.read_bytes() == b"new content"
    assert [p.name for p in tmp_path.iterdir()] == ["model.py"]


def test_a_full_disk_keeps_the_previous_file_and_says_why(tmp_path):
    """RLIMIT_FSIZE stands in for a full disk (the issue's `ulimit -f 1` reproduction)."""
    target = tmp_path / "script.py"
    target.write_text("print('a working script')\n")
    code = textwrap.dedent(f"""
        import resource, sys
        resource.setrlimit(resource.RLIMIT_FSIZE, (1024, 1024))
        from cnnexplorer.core.files import write_bytes, FileWriteError
        try:
            write_bytes({str(target)!r}, b"x" * 100000)
        except FileWriteError as exc:
            print(exc)
            sys.exit(3)
    """)
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
    assert run.returncode == 3, run.stderr
    assert "script.py" in run.stdout and "Nothing was changed" in run.stdout
    assert target.read_text() == "print('a working script')\n"
    assert [p.name for p in tmp_path.iterdir()] == ["script.py"]


def test_a_folder_as_target_is_refused_in_one_sentence(tmp_path):
    with pytest.raises(FileWriteError, match="it is a folder"):
        write_bytes(tmp_path, b"x")
    with pytest.raises(FileWriteError, match="does not exist"):
        check_writable(tmp_path / "missing" / "out.keras")


def test_a_writer_that_fails_leaves_the_target_alone(tmp_path):
    target = tmp_path / "chart.png"
    target.write_bytes(b"previous")
    with pytest.raises(RuntimeError):
        with atomic_path(target) as tmp:
            assert tmp.suffix == ".png"  # writers that pick the format from the name still can
            tmp.write_bytes(b"half")
            raise RuntimeError("encoder crashed")
    assert target.read_bytes() == b"previous"
    assert [p.name for p in tmp_path.iterdir()] == ["chart.png"]


def test_stale_temporaries_of_ours_are_removed_and_nothing_else(tmp_path):
    ours = tmp_path / ".m.cnnexplorer-tmp-abc.keras"
    old_save = tmp_path / ".m.saving.keras"
    theirs = tmp_path / ".hidden-user-file"
    for p in (ours, old_save, theirs):
        p.write_bytes(b"x")
    assert remove_stale_temporaries(tmp_path, older_than_s=-1) == 2
    assert [p.name for p in tmp_path.iterdir()] == [".hidden-user-file"]


def test_a_weights_file_keeps_its_whole_suffix_for_keras(tmp_path):
    with atomic_path(tmp_path / "vgg16.weights.h5") as tmp:
        assert tmp.name.endswith(".weights.h5") and tmp.parent == tmp_path
        tmp.write_bytes(b"weights")
    assert (tmp_path / "vgg16.weights.h5").read_bytes() == b"weights"
    assert [p.name for p in tmp_path.iterdir()] == ["vgg16.weights.h5"]


def test_a_good_write_removes_what_a_killed_write_of_the_same_file_left(tmp_path):
    import os
    import time

    killed = tmp_path / ".model.cnnexplorer-tmp-dead.keras"
    old_save = tmp_path / ".model.saving.keras"
    fresh = tmp_path / ".model.cnnexplorer-tmp-live.keras"  # a write in progress elsewhere: too young to touch
    other = tmp_path / ".notes.cnnexplorer-tmp-x.txt"
    for p in (killed, old_save, fresh, other):
        p.write_bytes(b"half")
    hours_ago = time.time() - 7200
    for p in (killed, old_save, other):
        os.utime(p, (hours_ago, hours_ago))
    write_bytes(tmp_path / "model.keras", b"whole")
    assert sorted(p.name for p in tmp_path.iterdir()) == sorted([fresh.name, other.name, "model.keras"])


def test_read_capped_reads_up_to_the_cap_and_refuses_more_before_reading(tmp_path):
    from cnnexplorer.core.files import FileTooLarge, read_capped

    small = tmp_path / "small.bin"
    small.write_bytes(b"x" * 1000)
    assert read_capped(small, 1000) == b"x" * 1000
    assert read_capped(os.fsencode(small), 5000) == b"x" * 1000  # folder listings give bytes paths
    with pytest.raises(FileTooLarge) as caught:
        read_capped(small, 999)
    assert caught.value.size == 1000
    with pytest.raises(IsADirectoryError):
        read_capped(tmp_path, 10_000)
    with pytest.raises(FileNotFoundError):
        read_capped(tmp_path / "missing.bin", 10)
