"""``--show A,D,E``: the articles that get a pane at start, by the letters the reader shows."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import label_index, main
from reader.core.model import article_label


@pytest.fixture()
def three(tmp_path: Path) -> list[str]:
    paths = []
    for name in ("a", "b", "c"):
        path = tmp_path / f"{name}.txt"
        path.write_text(f"Title {name}\n\nThe port of Valmora closed on Monday ({name}).\n")
        paths.append(str(path))
    return paths


@pytest.mark.parametrize("index", [0, 1, 25, 26, 27, 51, 52, 701, 702])
def test_label_index_inverts_article_label(index: int) -> None:
    assert label_index(article_label(index)) == index
    assert label_index(article_label(index).lower()) == index


@pytest.mark.parametrize("value", ["1,2", "A;B", "", ",", "A-B", "É"])
def test_malformed_show_is_a_usage_error(three, value: str, capsys) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main([*three, "--show", value])
    assert exit_info.value.code == 2
    err = capsys.readouterr().err
    assert "--show" in err and "Traceback" not in err


def test_show_beyond_the_articles_is_one_line_and_exit_2(three, capsys, monkeypatch) -> None:
    monkeypatch.setenv("TEXTUAL_DRIVER", "headless")  # pass the terminal check; fail before run
    assert main([*three, "--show", "A,D"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1
    assert "no article D" in err and "A to C" in err


def test_open_takes_show_too(tmp_path: Path, three, capsys, monkeypatch) -> None:
    report = tmp_path / "story.json"
    assert main(["compare", *three, "-o", str(report)]) == 0
    monkeypatch.setenv("TEXTUAL_DRIVER", "headless")
    assert main(["open", str(report), "--show", "Q"]) == 2
    assert "no article Q" in capsys.readouterr().err
