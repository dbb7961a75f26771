"""`parlertui export --format argdown`: the argument map in Argdown, read back by `@argdown/cli` 1.7.5 itself:
every argument, relation and section the store holds, and every text and quote exactly as stored."""

from __future__ import annotations

import json
import random
import sqlite3
import subprocess
from pathlib import Path

import pytest

from field_tools import ROOT, argdown_command
from parlertui.store.argdown import ArgumentTitles, text
from parlertui.store.build import build_store
from test_cli import run_in_process as run  # what a command does; test_cli runs the process
from test_export import two_topic_store  # noqa: F401  (a fixture)

BUNDLED = ROOT / "db" / "events.sqlite"
#: Every mark Argdown gives a meaning to, in text a dataset could hold.
TRICKY = (
    "<A>: [b] @[c] @<d> #tag #(two words) *bold* **more** _it_ __also__ // not a comment /* nor this */ "
    "<!-- nor this --> {a: b} } x .smile. :x: U.S. at 10:30:00, a - b -> c +> d <- e _> f >< g; (h) \\ back "
    "=== front === https://example.com/a_b?c=d [link](https://example.com) 1. two * three"
)


def argdown_json(document: Path, tmp_path: Path) -> dict:
    command = argdown_command()
    out = tmp_path / "argdown-out"
    result = subprocess.run(
        [*command, "json", str(document), str(out)], capture_output=True, text=True, timeout=120, cwd=tmp_path
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "error" not in (result.stdout + result.stderr).lower(), result.stdout + result.stderr
    return json.loads((out / f"{document.stem}.json").read_text(encoding="utf-8"))


def export_argdown(store: Path, tmp_path: Path, *extra: str) -> Path:
    document = tmp_path / "map.argdown"
    result = run("export", "--format", "argdown", "--db", str(store), "-o", str(document), *extra)
    assert result.returncode == 0, result.stderr
    return document


def description(argument: dict) -> str:
    """An argument's description as Argdown read it, without the side's tag it ends with."""
    (member,) = [m for m in argument["members"] if m.get("role") == "argument-description" and m["text"]]
    return member["text"].rstrip().rsplit(" #", 1)[0]


def store_rows(store: Path, sql: str) -> list[tuple]:
    connection = sqlite3.connect(f"{store.as_uri()}?mode=ro", uri=True)
    try:
        return connection.execute(sql).fetchall()
    finally:
        connection.close()


def test_argdown_reads_the_bundled_map_as_the_store_holds_it(tmp_path):
    read = argdown_json(export_argdown(BUNDLED, tmp_path), tmp_path)
    arguments = store_rows(
        BUNDLED, "SELECT a.id, a.summary, a.side, t.title FROM arguments a JOIN topics t ON t.id = a.topic_id"
    )
    links = store_rows(BUNDLED, "SELECT from_id, to_id, relation FROM argument_links")
    topics = store_rows(BUNDLED, "SELECT title, outcome FROM topics ORDER BY position")

    assert len(read["arguments"]) == len(arguments)
    assert len(read["relations"]) == len(links)
    kinds = {"rebuts": "attack", "supports": "support"}
    assert sorted((r["from"], r["to"], r["relationType"]) for r in read["relations"]) == sorted(
        (source, target, kinds[relation]) for source, target, relation in links
    )
    sections = {section["id"]: section["title"] for section in read["sections"]}
    assert list(sections.values()) == [title for title, _ in topics]
    for argument_id, summary, side, topic_title in arguments:
        argument = read["arguments"][argument_id]
        assert description(argument) == " ".join(summary.split())
        assert argument["tags"] == [side]
        assert sections[argument["section"]] == topic_title
        assert argument["data"]["side"] == side
    # Each topic's question and outcome are statements of its section.
    assert len(read["statements"]) == len(topics) + sum(1 for _, outcome in topics if outcome)

    # Every quote an argument cites is in its data, verbatim, with its source.
    # A fragment's frame and a pin cite go with it.
    cited = store_rows(
        BUNDLED,
        "SELECT aq.argument_id, q.id, q.text, q.source_id, q.frame, q.pin FROM argument_quotes aq "
        "JOIN quotes q ON q.id = aq.quote_id ORDER BY aq.argument_id, aq.position",
    )
    assert any(frame for *_, frame, _ in cited) and any(pin for *_, pin in cited)
    for argument_id, quote_id, quote_text, source_id, frame, pin in cited:
        data = read["arguments"][argument_id]["data"]
        (quote,) = [q for q in data["quotes"] if q["id"] == quote_id]
        assert quote["text"] == quote_text
        assert quote.get("frame") == frame and quote.get("pin") == pin
        assert quote["source"] == source_id
        assert source_id in {source["id"] for source in data["sources"]}


def test_no_mark_in_the_text_changes_the_map(dataset, tmp_path):
    """Summaries, a topic title and a quote full of Argdown's marks come back exactly, and add nothing."""
    dataset.edit("arguments.toml", lambda doc: doc["topic"][0].update(title="Contract " + TRICKY, outcome=TRICKY))
    dataset.edit("arguments.toml", lambda doc: doc["topic"][0]["argument"][0].update(summary=TRICKY))
    dataset.edit("quotes.toml", lambda doc: doc["quote"][0].update(text="{a: b} } x === " + TRICKY))
    store = build_store(dataset.folder, tmp_path / "tricky.sqlite").path
    read = argdown_json(export_argdown(store, tmp_path), tmp_path)

    ids = [row[0] for row in store_rows(store, "SELECT id FROM arguments")]
    assert sorted(read["arguments"]) == sorted(ids)
    assert len(read["relations"]) == store_rows(store, "SELECT count(*) FROM argument_links")[0][0]
    assert description(read["arguments"]["contract-mini"]) == " ".join(TRICKY.split())
    assert read["sections"][0]["title"] == "Contract " + " ".join(TRICKY.split())
    quotes = {q["id"]: q["text"] for a in read["arguments"].values() for q in a["data"].get("quotes", [])}
    (quote_id, quote_text) = store_rows(store, "SELECT id, text FROM quotes WHERE text LIKE '{a: b}%'")[0]
    assert quotes[quote_id] == quote_text
    assert len(read["statements"]) == 2  # the question and the outcome, nothing split off the text


def test_a_topic_export_holds_its_arguments_only(two_topic_store, tmp_path):  # noqa: F811  (the fixture)
    read = argdown_json(export_argdown(two_topic_store, tmp_path, "--topic", "contract"), tmp_path)
    wanted = {row[0] for row in store_rows(two_topic_store, "SELECT id FROM arguments WHERE topic_id = 'contract'")}
    assert set(read["arguments"]) == wanted
    assert [section["title"] for section in read["sections"]] == ["Breach of contract"]


@pytest.mark.parametrize(
    "broken",
    ["<A>: one {a: [1, 2}\n", "<A>: one\n\n    -> <A>\n"],
    ids=["data that is not YAML", "a relation that starts a paragraph"],
)
def test_the_checker_is_not_vacuous(tmp_path, broken):
    """argdown itself fails on what is not Argdown, so its exit 0 above means something."""
    document = tmp_path / "broken.argdown"
    document.write_text(broken, encoding="utf-8")
    result = subprocess.run(
        [*argdown_command(), "json", str(document), str(tmp_path / "out")], capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 1


def test_titles_are_unique_and_safe():
    titles = ArgumentTitles()
    made = [titles(name) for name in ("a-b", "a>b", "a<b", "A-B", "-x", "a-b")]
    assert made[0] == made[-1] == "a-b"  # the same argument, the same title
    assert len(set(t.casefold() for t in made[:5])) == 5
    assert all(not set(t) & set("<>[]{}:") and not t.startswith("-") for t in made)


@pytest.mark.parametrize("mark", list("\\@#*_[]<>/{}+-=,;()"))
def test_every_mark_is_escaped(mark):
    assert text(f"a{mark}b") == f"a\\{mark}b"


def test_random_text_full_of_marks_comes_back_exactly(tmp_path):
    """Hundreds of strings drawn from Argdown's marks, read back by argdown itself in one document: every
    description and every data string is exactly what was written."""
    from parlertui.store.argdown import _data

    alphabet = "ab AB 09 \\@#*_[]<>/{}+-=,;().:!?'\"`~$%^&|\t\n→“”é"
    rng = random.Random(15)
    texts = ["".join(rng.choice(alphabet) for _ in range(rng.randint(1, 40))) for _ in range(300)]
    texts = [t for t in texts if t.split()]  # a description needs a word
    document = tmp_path / "fuzz.argdown"
    document.write_text(
        "".join(f"<a{n}>: {text(t)} {_data({'said': t})}\n\n" for n, t in enumerate(texts)), encoding="utf-8"
    )
    read = argdown_json(document, tmp_path)
    assert len(read["arguments"]) == len(texts)
    assert read["relations"] == [] and read["statements"] == {}
    for n, original in enumerate(texts):
        argument = read["arguments"][f"a{n}"]
        (member,) = [m for m in argument["members"] if m.get("role") == "argument-description"]
        assert member["text"].strip() == " ".join(original.split()), (n, original)
        assert argument["data"] == {"said": original}, (n, original)
