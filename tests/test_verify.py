"""`parlertui verify`: every quote word for word in the source texts, typography forgiven and nothing else."""

from __future__ import annotations

import functools
import importlib.util
import sqlite3
from pathlib import Path
from types import ModuleType

import pytest
from hypothesis import given, settings, strategies as st

from parlertui.store.verify import VerifyError, missing_quotes, normalise, source_text_files, verify_store
from test_cli import run_in_process as run  # what a command does; test_cli runs the process

REFERENCE = Path(__file__).resolve().parents[2] / "shared" / "tools" / "check_quotes.py"

# The mini dataset's three quotes, as a report and a court order print them: curly quotes, a line break.
REPORT = "Host wrote to Mini: “We will suspend your\naccount.” Mini answered in court: Host broke the contract.\n"
ORDER = "# The order\n\nThe court found: The contract allowed it. The motion is denied.\n"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "order.md").write_text(ORDER, encoding="utf-8")
    (folder / "scan.pdf").write_bytes(b"%PDF-1.4 We will suspend your account.")  # not a text file: not read
    return folder


def with_quote_text(store: Path, copy: Path, quote_id: str, text: str) -> Path:
    copy.write_bytes(store.read_bytes())
    with sqlite3.connect(copy) as db:
        db.execute("UPDATE quotes SET text = ? WHERE id = ?", (text, quote_id))
    return copy


def test_a_store_whose_quotes_are_all_in_the_sources_passes(mini_store, sources):
    result = run("verify", "--sources", str(sources), str(mini_store))
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout == "3/3 quotes found verbatim in 2 source texts\n"


def test_the_sources_may_be_split_over_several_folders_and_the_store_named_by_db(mini_store, sources, tmp_path):
    other = tmp_path / "more"
    other.mkdir()
    (sources / "order.md").rename(other / "order.md")
    result = run("--db", str(mini_store), "verify", "--sources", str(sources), "--sources", str(other))
    assert result.returncode == 0 and result.stdout.endswith("3/3 quotes found verbatim in 2 source texts\n")


def test_a_quote_with_one_word_changed_is_reported_by_id_and_source(mini_store, sources, tmp_path):
    tampered = with_quote_text(
        mini_store, tmp_path / "tampered.sqlite", "host-warning", "We will terminate your account."
    )
    result = run("verify", "--sources", str(sources), str(tampered))
    assert result.returncode == 1
    assert result.stdout.splitlines() == [
        "not found verbatim: quote 'host-warning' (source 'report'): 'We will terminate your account.'",
        "2/3 quotes found verbatim in 2 source texts",
    ]


def test_a_long_missing_quote_is_shown_by_its_start_on_one_line(mini_store, sources, tmp_path):
    long_text = "Words that no source holds,\nrunning on " + "and on " * 20
    result = run(
        "verify",
        "--sources",
        str(sources),
        str(with_quote_text(mini_store, tmp_path / "long.sqlite", "host-warning", long_text)),
    )
    line = result.stdout.splitlines()[0]
    assert line.startswith(
        "not found verbatim: quote 'host-warning' (source 'report'): 'Words that no source holds, running on and on"
    )
    assert line.endswith("…'") and len(line) < 130


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("“We will suspend”", '"We will suspend"'),
        ('"We will suspend"', "“We will suspend”"),
        ("Parler’s account", "Parler's account"),
        ("‘soon’", "'soon'"),
        ("30 days – not 30 hours", "30 days - not 30 hours"),
        ("30 days — not 30 hours", "30 days - not 30 hours"),
        ("and so on…", "and so on..."),
        ("and so on...", "and so on…"),
        ("a\u00a0non-breaking space", "a non-breaking space"),
        ("runs   of\twhite\n\nspace", "runs of white space"),
        ("  padded  ", "padded"),
    ],
)
def test_typography_is_forgiven(quote, source):
    assert list(missing_quotes([("q", "s", quote)], [normalise(f"Before. {source} After.")])) == []


@pytest.mark.parametrize(
    ("quote", "source"),
    [
        ("We will suspend", "we will suspend"),  # case
        ("re-open", "reopen"),  # a hyphen is a character, not typography
        ("end.", "end,"),
        ("Parler’s", "Parlers"),
        ("a word", "aword"),  # whitespace collapses, it does not vanish
        ("conductbut", "conduct but"),  # typos in the source stay as they are
        ("and so on…", "and so on.."),
    ],
)
def test_anything_else_must_match_exactly(quote, source):
    assert [missing.id for missing in missing_quotes([("q", "s", quote)], [normalise(source)])] == ["q"]


def test_a_quote_is_found_within_one_text_never_across_two():
    texts = [normalise("It ends here."), normalise("Here it starts.")]
    assert [missing.id for missing in missing_quotes([("q", "s", "here. Here")], texts)] == ["q"]


def test_an_empty_quote_is_never_found():
    assert [missing.id for missing in missing_quotes([("q", "s", " \n "), ("r", "s", None)], ["a b"])] == ["q", "r"]


@pytest.mark.skipif(not REFERENCE.is_file(), reason="no ../shared/tools/check_quotes.py beside the repo")
@settings(max_examples=300, deadline=None)
@given(
    st.text(alphabet=list("ab '\"-.\t\n\u00a0\u2018\u2019\u201c\u201d\u2013\u2014\u2026\u2028"), max_size=30)
    | st.text(max_size=30)
)
def test_normalisation_agrees_with_the_teams_check_quotes(text):
    assert normalise(text) == _reference().norm(text)


@functools.cache
def _reference() -> ModuleType:
    spec = importlib.util.spec_from_file_location("check_quotes", REFERENCE)
    reference = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(reference)
    return reference


@pytest.mark.parametrize(
    ("make", "message"),
    [
        (lambda folder: None, "no such folder"),
        (lambda folder: folder.write_text("a file"), "is a file, not a folder"),
        (lambda folder: folder.mkdir(), "holds no source texts"),
        (lambda folder: (folder.mkdir(), (folder / "a.pdf").write_text("x")), "holds no source texts"),
        (lambda folder: (folder.mkdir(), (folder / "a.txt").write_bytes(b"caf\xe9")), "is not UTF-8 text"),
    ],
)
def test_bad_source_folders_get_one_line_and_exit_2(mini_store, sources, tmp_path, make, message):
    bad = tmp_path / "bad"
    make(bad)
    result = run("verify", "--sources", str(sources), "--sources", str(bad), str(mini_store))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("parlertui: ") and message in result.stderr
    assert len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


@pytest.mark.parametrize("make", [lambda p: None, lambda p: p.write_text("not a store")])
def test_a_bad_store_gets_one_line_and_exit_2(sources, tmp_path, make):
    store = tmp_path / "store.sqlite"
    make(store)
    result = run("verify", "--sources", str(sources), str(store))
    assert result.returncode == 2 and len(result.stderr.splitlines()) == 1 and "Traceback" not in result.stderr


def test_without_sources_the_usage_says_they_are_needed(mini_store):
    result = run("verify", str(mini_store))
    assert result.returncode == 2 and "--sources" in result.stderr and "Traceback" not in result.stderr


def test_a_store_without_quotes_verifies_nothing_and_does_not_pass(mini_store, sources, tmp_path):
    empty = tmp_path / "empty.sqlite"
    empty.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(empty) as db:
        db.execute("DELETE FROM argument_quotes")
        db.execute("DELETE FROM quotes")
    result = run("verify", "--sources", str(sources), str(empty))
    assert result.returncode == 1
    assert result.stdout.splitlines()[-1] == "0/0 quotes found verbatim in 2 source texts"


def test_the_report_counts_quotes_texts_and_what_is_missing(mini_store, sources, tmp_path):
    tampered = with_quote_text(mini_store, tmp_path / "tampered.sqlite", "court-finding", "The contract forbade it.")
    report = verify_store(tampered, [sources])
    assert (report.quotes, report.found, report.texts, report.passed) == (3, 2, 2, False)
    assert [(missing.id, missing.source_id) for missing in report.missing] == [("court-finding", "order-via-report")]


def test_text_files_are_read_in_name_order_and_other_files_skipped(sources):
    assert [path.name for path in source_text_files([sources])] == ["order.md", "report.txt"]
    with pytest.raises(VerifyError):
        source_text_files([sources / "report.txt"])
