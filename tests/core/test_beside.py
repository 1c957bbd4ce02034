"""The second process: names and figures found beside the matching give exactly the analysis
found in one process, and every way the second process can fail leaves the work to this one."""

from __future__ import annotations

import os
import signal
import threading
import time
from pathlib import Path

import pytest

import reader.core.entities  # noqa: F401 -- imported here, so the forked child never imports
import reader.core.figures  # noqa: F401
from reader.core import analysis as pipeline
from reader.core import beside
from reader.core.ingest import load_article
from reader.core.model import Article
from reader.core.report import to_json_data

SAMPLES = Path(__file__).resolve().parents[2] / "samples"

needs_fork = pytest.mark.skipif(not hasattr(os, "fork"), reason="the platform cannot fork")


def _articles(name: str = "three-outlets") -> list[Article]:
    files = sorted((SAMPLES / name).glob("*.*"))
    return [load_article(str(f)) for f in files if f.name != "expected.json"]


@pytest.fixture
def single_threaded(monkeypatch: pytest.MonkeyPatch) -> None:
    """The suite may leave helper threads of earlier tests alive (idle, holding no lock the
    child needs); the functions forked here import nothing and take no lock."""
    monkeypatch.setattr(beside.threading, "active_count", lambda: 1)


def _kill_myself() -> None:
    os.kill(os.getpid(), signal.SIGKILL)


def _fail() -> None:
    raise ValueError("no names today")


@needs_fork
def test_the_result_comes_back(single_threaded: None) -> None:
    side = beside.start(pow, 2, 10)
    assert side is not None
    try:
        assert side.result() == 1024
    finally:
        side.close()


@needs_fork
def test_an_error_or_a_killed_child_is_no_result(single_threaded: None) -> None:
    side = beside.start(_fail)
    assert side is not None
    with pytest.raises(beside.BesideFailed, match="ValueError: no names today"):
        side.result()
    side.close()
    side = beside.start(_kill_myself)
    assert side is not None
    with pytest.raises(beside.BesideFailed, match="without a result"):
        side.result()
    side.close()


def test_no_fork_while_another_thread_runs() -> None:
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert beside.start(pow, 2, 10) is None
    finally:
        stop.set()
        other.join()


def test_only_inputs_with_matching_to_overlap_use_a_second_process() -> None:
    def article(n: int) -> Article:
        return Article.from_texts("a.txt", "a", [f"Paragraph {i}." for i in range(n)])

    limit = pipeline.SECOND_PROCESS_PARAGRAPHS
    # One long table and a short article: almost nothing to match.
    assert not pipeline._worth_a_second_process([article(100_000), article(10)])
    assert pipeline._worth_a_second_process([article(limit), article(limit)])
    assert pipeline._worth_a_second_process([article(limit), *[article(limit // 4)] * 4])
    assert not pipeline._worth_a_second_process([article(limit - 1), article(limit - 1)])


@needs_fork
def test_beside_or_not_the_analysis_is_the_same(
    single_threaded: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    articles = _articles()
    alone = to_json_data(pipeline.analyze(articles))
    started: list[object] = []
    real_start = beside.start

    def counting_start(*args: object) -> object:
        side = real_start(*args)  # type: ignore[arg-type]
        started.append(side)
        return side

    monkeypatch.setattr(pipeline, "SECOND_PROCESS_PARAGRAPHS", 1)
    monkeypatch.setattr(beside, "start", counting_start)
    assert to_json_data(pipeline.analyze(articles)) == alone
    assert started and started[0] is not None  # the second process did the work


def test_a_second_process_that_delivers_nothing_leaves_the_work_here(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class NoResult:
        closed = False

        def result(self) -> None:
            raise beside.BesideFailed("the second process ended without a result")

        def close(self) -> None:
            self.closed = True

    articles = _articles()
    alone = to_json_data(pipeline.analyze(articles))
    side = NoResult()
    monkeypatch.setattr(pipeline, "SECOND_PROCESS_PARAGRAPHS", 1)
    monkeypatch.setattr(beside, "start", lambda *args: side)
    assert to_json_data(pipeline.analyze(articles)) == alone
    assert side.closed


@needs_fork
def test_buffered_output_is_not_written_twice(tmp_path: Path) -> None:
    # A real process with stdout to a file (block-buffered): text printed before the fork
    # appears once (multiprocessing flushes the streams before it forks; a bare os.fork would
    # leave the buffer to both processes).
    import subprocess
    import sys

    script = (
        "from reader.core import beside\n"
        "print('before', end='')\n"
        "side = beside.start(pow, 2, 3)\n"
        "print(side.result())\n"
    )
    out = tmp_path / "out.txt"
    with out.open("w") as stream:
        subprocess.run([sys.executable, "-c", script], stdout=stream, check=True, timeout=60)
    assert out.read_text() == "before8\n"


def _state(pid: int) -> str:
    """The process's state letter from /proc ("Z" a zombie, "" gone)."""
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return ""


@needs_fork
@pytest.mark.skipif(not Path("/proc/self/stat").exists(), reason="needs /proc")
def test_the_child_ends_with_its_parent(tmp_path: Path) -> None:
    # The parent starts an endless child, says its pid, and is killed: the child must not
    # go on working for nobody.
    import subprocess
    import sys

    script = (
        "import os, signal, sys, time\n"
        "from reader.core import beside\n"
        "side = beside.start(time.sleep, 600)\n"
        "open(sys.argv[1], 'w').write(str(side._process.pid))\n"
        "os.kill(os.getpid(), signal.SIGKILL)\n"
    )
    pid_file = tmp_path / "child.pid"
    # No pipes: a child that outlived its parent would hold them open and hang the run.
    done = subprocess.run(
        [sys.executable, "-c", script, str(pid_file)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        timeout=60,
    )
    assert done.returncode == -signal.SIGKILL
    child = int(pid_file.read_text())
    try:
        deadline = time.monotonic() + 5
        while _state(child) not in ("", "Z") and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _state(child) in ("", "Z")
    finally:
        if _state(child) not in ("", "Z"):
            os.kill(child, signal.SIGKILL)
