"""`parlertui new DIR`: the dataset of a new dispute builds at once, the app says nothing is on the record yet, and
its commented examples, uncommented, build into a record (issue 18)."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from apptools import detail_text, press, running, view
from parlertui.store.build import build_store
from parlertui.store.check import check_store
from parlertui.store.dataset import load_dataset
from parlertui.store.queries import Store
from parlertui.store.skeleton import FILES, write_skeleton
from parlertui.store.validate import validate
from test_cli import run_in_process as run  # what a command does; test_cli runs the process


def problems_in(folder: Path) -> list[str]:
    dataset, problems = load_dataset(folder)
    return [str(problem) for problem in problems + validate(dataset)]


def uncomment_examples(folder: Path) -> None:
    """What a reader does to start from the examples: remove the "# " before every line after each file's opening
    comment."""
    for name in FILES:
        if name.endswith(".toml") and name != "dispute.toml":
            path = folder / name
            head, _, examples = path.read_text(encoding="utf-8").partition("\n\n")
            path.write_text(head + "\n\n" + re.sub(r"(?m)^# ?", "", examples), encoding="utf-8")


@pytest.fixture
def new_dataset(tmp_path: Path) -> Path:
    folder = tmp_path / "Union v Harbour"
    result = run("new", str(folder), "--title", 'The "Night Shift" case \\ 2024', "--timezone", "Europe/Berlin")
    assert result.returncode == 0, result.stderr
    assert f"parlertui build '{folder}'" in result.stdout and "README.md gives the rules" in result.stdout
    return folder


def test_it_writes_every_file_and_a_dispute_of_three_sides(new_dataset):
    assert sorted(path.name for path in new_dataset.iterdir()) == sorted(FILES)
    dispute = tomllib.loads((new_dataset / "dispute.toml").read_text(encoding="utf-8"))
    assert (dispute["id"], dispute["title"], dispute["timezone"]) == (
        "union-v-harbour",
        'The "Night Shift" case \\ 2024',
        "Europe/Berlin",
    )
    assert [(side["id"], side["mark"], side.get("deciding", False)) for side in dispute["side"]] == [
        ("claimant", "C", False),
        ("respondent", "R", False),
        ("court", "J", True),
    ]
    for name in FILES:
        if name.endswith(".toml") and name != "dispute.toml":  # nothing but comments: an example each
            assert tomllib.loads((new_dataset / name).read_text(encoding="utf-8")) == {}
            assert "# [[" in (new_dataset / name).read_text(encoding="utf-8")
    assert problems_in(new_dataset) == []


async def test_it_builds_at_once_and_the_app_says_nothing_is_on_the_record_yet(new_dataset, tmp_path):
    store = build_store(new_dataset, tmp_path / "new.sqlite").path
    assert check_store(store).problems == []
    async with running(store, (100, 30)) as (app, pilot):
        assert app.title == 'The "Night Shift" case \\ 2024'  # no short title: the title
        assert view(app, "timeline").list_pane.border_subtitle == "C Claimant · R Respondent · J Court"
        for key in "12345":
            await press(pilot, key)
            assert detail_text(app).startswith("Nothing on the record yet: this store holds no "), key


def test_its_examples_uncommented_build_into_a_record(new_dataset, tmp_path):
    uncomment_examples(new_dataset)
    assert problems_in(new_dataset) == []
    store = build_store(new_dataset, tmp_path / "examples.sqlite").path
    assert check_store(store).problems == []
    with Store(store) as opened:
        assert [event.id for event in opened.timeline()] == ["example-claim-filed"]
        assert [(party.id, party.side) for party in opened.parties()] == [
            ("example-claimant", "claimant"),
            ("example-respondent", "respondent"),
            ("example-court", "court"),
        ]
        detail = opened.topic("example-contract")
        assert detail.columns == ("claimant", "respondent") and detail.deciding == "court"
        assert [argument.id for argument in detail.arguments] == [
            "example-contract-claimant",
            "example-contract-respondent",
        ]


def test_a_folder_that_holds_files_is_left_as_it_is(tmp_path):
    folder = tmp_path / "mine"
    folder.mkdir()
    (folder / "notes.txt").write_text("keep me")
    result = run("new", str(folder))
    assert result.returncode == 2 and result.stdout == ""
    assert (
        result.stderr == f"parlertui: {folder}: holds files already; give a new or empty folder (nothing was written)\n"
    )
    assert [path.name for path in folder.iterdir()] == ["notes.txt"] and (folder / "notes.txt").read_text() == "keep me"


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--timezone", "Mars/Olympus"], "--timezone: 'Mars/Olympus' is not a time zone name"),
        ([], "is a file; give the name of a new folder (nothing was written)"),
    ],
)
def test_bad_input_is_one_line_and_writes_nothing(tmp_path, arguments, message):
    target = tmp_path / "taken"
    if not arguments:
        target.write_text("a file")
    result = run("new", str(target), *arguments)
    assert result.returncode == 2 and message in result.stderr and result.stderr.count("\n") == 1
    assert (target.read_text() == "a file") if not arguments else not target.exists()


def test_new_dot_is_the_folder_it_names(tmp_path, monkeypatch):
    folder = tmp_path / "Riverside Port"
    folder.mkdir()
    monkeypatch.chdir(folder)
    assert run("new", ".").returncode == 0
    dispute = tomllib.loads((folder / "dispute.toml").read_text(encoding="utf-8"))
    assert (dispute["id"], dispute["title"]) == ("riverside-port", "Riverside Port")


@settings(max_examples=40, deadline=None)
@given(st.text(st.characters(exclude_categories=["Cs"]), min_size=1, max_size=40))
def test_any_title_a_reader_types_is_the_dispute_s_title(tmp_path_factory, title):
    folder = tmp_path_factory.mktemp("new") / "dispute"
    write_skeleton(folder, title, "UTC")
    assert tomllib.loads((folder / "dispute.toml").read_text(encoding="utf-8"))["title"] == title
    assert problems_in(folder) == [] or not title.strip()
