"""Files lose nothing: outputs planned first, written all or none, devices written into,
names the OS gives handled, signals clean up (issue 16's probe list)."""
from __future__ import annotations

import os
import signal
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest
from conftest import ROOT

from adapt.cli import main

SEED = ROOT / "seeds" / "tourniquet.txt"
STORY = b'"Ok," said Dana. She smiled.\n\n"Fine," said Bob. "Let us go."\n'


def run(*args: str | bytes, stdin: bytes | None = None, cwd: Path | None = None,
        env: dict[str, str] | None = None) -> subprocess.CompletedProcess[bytes]:
    full = dict(os.environ, PYTHONPATH=str(ROOT / "src"), **(env or {}))
    return subprocess.run([sys.executable, "-m", "adapt", *args], input=stdin, capture_output=True,
                          env=full, cwd=cwd, timeout=120)


def one_line_error(res: subprocess.CompletedProcess[bytes], code: int = 1) -> str:
    err = res.stderr.decode("utf-8", "replace")
    assert res.returncode == code, err
    assert "Traceback" not in err and err.count("\n") == 1 and "error:" in err, err
    return err


def cli(capsys: pytest.CaptureFixture[str], folder: Path, *args: str) -> subprocess.CompletedProcess[bytes]:
    """The CLI in this process (faster than a subprocess), run in ``folder``."""
    old = os.getcwd()
    os.chdir(folder)
    try:
        code = main(list(args))
    except SystemExit as e:  # argparse's usage errors
        code = int(e.code or 0)
    finally:
        os.chdir(old)
    out, err = capsys.readouterr()
    return subprocess.CompletedProcess(list(args), code, out.encode(), err.encode("utf-8", "surrogateescape"))


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


# --- outputs planned before anything is written ----------------------------

def test_an_input_that_is_also_an_output_is_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: `adapt story.txt story.fountain --pdf` replaced the edited story.fountain.
    (tmp_path / "story.txt").write_bytes(STORY)
    edited = tmp_path / "story.fountain"
    edited.write_text("INT. MY EDIT - DAY\n\nPrecious.\n", encoding="utf-8")
    res = cli(capsys, tmp_path, "story.txt", "story.fountain", "--pdf")
    assert res.returncode == 2 and b"would overwrite the input story.fountain" in res.stderr
    assert edited.read_text(encoding="utf-8") == "INT. MY EDIT - DAY\n\nPrecious.\n"
    assert not (tmp_path / "story.pdf").exists()


def test_two_inputs_that_map_to_one_output_are_a_usage_error(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "a.txt").write_bytes(STORY)
    (tmp_path / "a.md").write_bytes(STORY)
    res = cli(capsys, tmp_path, "a.txt", "a.md")
    assert res.returncode == 2 and b"a.fountain would be written for both a.txt and a.md" in res.stderr
    assert not (tmp_path / "a.fountain").exists()
    res = cli(capsys, tmp_path, "a.txt", "-o", "x.pdf", "-t", "fountain", "--pdf")
    assert res.returncode == 2 and b"x.pdf would be written twice" in res.stderr


def test_outputs_are_all_or_nothing_when_one_cannot_be_written(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: with a directory where the .pdf goes, the .fountain was already replaced.
    (tmp_path / "story.txt").write_bytes(STORY)
    (tmp_path / "story.fountain").write_text("precious", encoding="utf-8")
    (tmp_path / "story.pdf").mkdir()
    err = one_line_error(cli(capsys, tmp_path, "story.txt", "--pdf"))
    assert "story.pdf: is a directory" in err
    assert (tmp_path / "story.fountain").read_text(encoding="utf-8") == "precious"
    assert leftovers(tmp_path) == []


def test_outputs_are_all_or_nothing_when_the_disk_fills(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # The .pdf's bytes cannot be stored (disk full): the .fountain must stay as it was.
    (tmp_path / "story.txt").write_bytes(STORY)
    (tmp_path / "story.fountain").write_text("precious", encoding="utf-8")
    real_fsync = os.fsync

    def full_for_pdf(fd: int) -> None:
        if ".pdf" in os.readlink(f"/proc/self/fd/{fd}"):
            raise OSError(28, "No space left on device")
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", full_for_pdf)
    assert main([str(tmp_path / "story.txt"), "--pdf", "-q"]) == 1
    assert (tmp_path / "story.fountain").read_text(encoding="utf-8") == "precious"
    assert not (tmp_path / "story.pdf").exists() and leftovers(tmp_path) == []


# --- targets that are not plain files ----------------------------------------

def test_a_fifo_behind_a_symlink_is_written_into_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: writing through a symlink to a device or FIFO replaced it with a regular file.
    (tmp_path / "story.txt").write_bytes(STORY)
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    link = tmp_path / "out.fountain"
    link.symlink_to(fifo)
    reader = subprocess.Popen(["cat", str(fifo)], stdout=subprocess.PIPE)
    try:
        res = cli(capsys, tmp_path, "story.txt", "-o", "out.fountain", "-q")
        assert res.returncode == 0, res.stderr
        assert stat.S_ISFIFO(os.stat(fifo).st_mode) and link.is_symlink()
        got, _ = reader.communicate(timeout=10)
        assert got.startswith(b"Title: STORY") and b"DANA" in got
    finally:
        reader.kill()
        reader.wait()


def test_a_read_only_target_is_refused_not_replaced(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "story.txt").write_bytes(STORY)
    out = tmp_path / "story.fountain"
    out.write_text("locked", encoding="utf-8")
    out.chmod(0o444)
    err = one_line_error(cli(capsys, tmp_path, "story.txt"))
    assert "story.fountain: the file is read-only" in err
    assert out.read_text(encoding="utf-8") == "locked" and stat.S_IMODE(out.stat().st_mode) == 0o444


def test_a_long_output_name_fits_with_its_temporary_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: a 245-byte output name failed because the temporary name was longer.
    name = "x" * (245 - len(".fountain")) + ".fountain"
    (tmp_path / "story.txt").write_bytes(STORY)
    res = cli(capsys, tmp_path, "story.txt", "-o", name, "-q")
    assert res.returncode == 0, res.stderr
    assert (tmp_path / name).read_bytes().startswith(b"Title: STORY") and leftovers(tmp_path) == []


# --- names as the OS gives them ------------------------------------------------

def test_a_file_name_that_is_not_utf8_works_in_every_writer(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: `caf\xe9.txt` crashed all four writers (the title carried a surrogate).
    name = b"caf\xe9.txt"
    (tmp_path / os.fsdecode(name)).write_bytes(STORY)
    res = cli(capsys, tmp_path, os.fsdecode(name), "--pdf", "--fdx", "--html")
    assert res.returncode == 0, res.stderr
    assert b"Traceback" not in res.stderr and b"wrote caf\\xe9.fountain" in res.stderr
    made = {p.suffix: p for p in tmp_path.iterdir()}
    assert made[".fountain"].read_text(encoding="utf-8").startswith("Title: CAFÉ\n")
    assert "CAFÉ" in made[".fdx"].read_text(encoding="utf-8")
    assert "CAFÉ" in made[".html"].read_text(encoding="utf-8")
    assert made[".pdf"].read_bytes().startswith(b"%PDF")


def test_a_non_ascii_name_under_a_c_locale(tmp_path: Path) -> None:
    (tmp_path / "café.txt").write_bytes(STORY)
    res = run("café.txt", "--fdx", cwd=tmp_path,
              env={"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0"})
    assert res.returncode == 0, res.stderr
    assert (tmp_path / "café.fountain").read_text(encoding="utf-8").startswith("Title: CAFÉ\n")


def test_symlink_loops_are_one_line_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    # Probe: a symlink loop ended in a traceback.
    (tmp_path / "loop").symlink_to("loop")
    (tmp_path / "story.txt").write_bytes(STORY)
    assert "too many levels of symbolic links" in one_line_error(cli(capsys, tmp_path, "loop"))
    err = one_line_error(cli(capsys, tmp_path, "story.txt", "-o", "loop", "-t", "fountain"))
    assert "cannot write loop: too many levels of symbolic links" in err
    assert (tmp_path / "loop").is_symlink()


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_stats_to_a_full_device_is_a_one_line_error(tmp_path: Path) -> None:
    # Probe: `--stats >/dev/full` ended in a traceback.
    (tmp_path / "story.txt").write_bytes(STORY)
    with open("/dev/full", "wb") as full:
        res = subprocess.run([sys.executable, "-m", "adapt", "story.txt", "--stats", "-q"], stdout=full,
                             stderr=subprocess.PIPE, cwd=tmp_path, timeout=120,
                             env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    err = res.stderr.decode()
    assert res.returncode == 1 and err == "adapt: error: cannot write to standard output: no space left on device\n"


# --- signals -------------------------------------------------------------------

def _children(pid: int) -> list[int]:
    out = subprocess.run(["ps", "-o", "pid=", "--ppid", str(pid)], capture_output=True, text=True)
    return [int(x) for x in out.stdout.split()]


def _alive(pid: int) -> bool:
    try:
        with open(f"/proc/{pid}/stat") as f:
            return f.read().split(") ")[-1][:1] != "Z"
    except FileNotFoundError:
        return False


def test_sigterm_ends_the_workers_of_a_parallel_run(tmp_path: Path) -> None:
    # Probe: SIGTERM to `adapt -j 2` left its workers running and writing.
    text = SEED.read_bytes() * 8  # a few seconds of work each
    for name in ("a", "b"):
        (tmp_path / f"{name}.txt").write_bytes(text)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "adapt", "a.txt", "b.txt", "-j", "2", "-q"],
                            cwd=tmp_path, env=env, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 30
    while len(workers := _children(proc.pid)) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(workers) >= 2
    time.sleep(0.5)
    proc.send_signal(signal.SIGTERM)
    _, err = proc.communicate(timeout=30)
    assert proc.returncode == 128 + signal.SIGTERM and b"Traceback" not in err
    time.sleep(0.5)
    assert not [w for w in workers if _alive(w)]
    assert not (tmp_path / "a.fountain").exists() and not (tmp_path / "b.fountain").exists()
    assert leftovers(tmp_path) == []


def test_sigterm_during_a_write_removes_the_temporary_file(tmp_path: Path) -> None:
    # Probe: SIGTERM during a write left the temporary file behind.
    (tmp_path / "story.txt").write_bytes(STORY)
    script = (
        "import os, signal, sys\n"
        "real = os.fsync\n"
        "def fsync(fd):\n"
        "    os.kill(os.getpid(), signal.SIGTERM)\n"
        "    real(fd)\n"
        "os.fsync = fsync\n"
        "from adapt.cli import main\n"
        "sys.exit(main(['story.txt', '-q']))\n"
    )
    res = subprocess.run([sys.executable, "-c", script], cwd=tmp_path, capture_output=True, timeout=120,
                         env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
    assert res.returncode == 128 + signal.SIGTERM and b"Traceback" not in res.stderr
    assert leftovers(tmp_path) == [] and not (tmp_path / "story.fountain").exists()
