"""Issue 14: quotes in their frame with their pin, titles that are ours, arguments resting on a report's account,
and the rules that keep the record true (validation on the dataset, `parlertui check` on a store)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from hypothesis import given, strategies as st

from parlertui.store.build import BuildError, build_store
from parlertui.store.check import check_store
from parlertui.store.open import StoreError, open_store
from parlertui.store.queries import Store
from parlertui.store.quote_text import frame_parts, framed_source_text, quote_as_shown, with_pin
from parlertui.store.record_rules import lacks_as_quoted, sides_without_argument, speaker_unknown
from parlertui.store.verify import verify_store
from parlertui.widgets.render import quote_block

REPORT = "Host wrote to Mini: “We will suspend your\naccount.” Mini answered in court: Host broke the contract.\n"
ORDER = "# The order\n\nThe court found: The contract allowed it. The motion is denied.\n"


@pytest.fixture
def sources(tmp_path: Path) -> Path:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "report.txt").write_text(REPORT, encoding="utf-8")
    (folder / "order.md").write_text(ORDER, encoding="utf-8")
    return folder


def problems_of(dataset, tmp_path: Path) -> list[str]:
    with pytest.raises(BuildError) as caught:
        build_store(dataset.folder, tmp_path / "x.sqlite")
    return [f"{p.entry} {p.field}: {p.message}" for p in caught.value.problems]


# The quote as shown ------------------------------------------------------------------------------------------


def test_a_framed_quote_is_shown_in_the_sources_own_words_and_an_unframed_one_in_quotation_marks():
    assert quote_as_shown("Parler could police", "AWS was not confident “{quote}”") == (
        "AWS was not confident “Parler could police”"
    )
    assert quote_as_shown("Words.", None) == "“Words.”"
    assert frame_parts("Words.", "He said {quote} then") == ("He said ", "Words.", " then")
    assert framed_source_text("Words.", None) == "Words."
    assert with_pin("Order", "Dkt. 34 at 2:4–6") == "Order, Dkt. 34 at 2:4–6" and with_pin("Order", None) == "Order"


@given(st.text(), st.text(), st.text())
def test_the_frame_keeps_every_character_of_the_quote_and_of_the_frame(before, words, after):
    frame = f"{before.replace('{quote}', '')}{{quote}}{after.replace('{quote}', '')}"
    shown = quote_as_shown(words, frame)
    assert shown == frame.replace("{quote}", words)
    assert words in shown


def test_the_store_carries_frame_pin_title_ours_and_reported_in(mini_store):
    with sqlite3.connect(mini_store) as db:
        assert db.execute("SELECT frame FROM quotes WHERE id = 'mini-claim'").fetchone() == (
            "Mini answered in court: {quote}",
        )
        assert db.execute("SELECT pin FROM quotes WHERE id = 'court-finding'").fetchone() == ("Order at 1:2",)
    store = Store(mini_store)
    try:
        claim = store.quote("mini-claim").quote
        assert claim.shown == "Mini answered in court: Host broke the contract."
        finding = store.quote("court-finding").quote
        assert finding.pin == "Order at 1:2"
        assert quote_block(finding).plain.endswith("Order at 1:2")
    finally:
        store.close()


def test_a_title_of_our_own_is_marked_and_an_argument_on_a_report_names_it(dataset, tmp_path):
    def ours(doc):
        doc["source"][0]["title_ours"] = True

    def on_report(doc):
        argument = doc["topic"][0]["argument"][0]
        del argument["quotes"]
        argument["reported_in"] = "report"

    dataset.edit("sources.toml", ours)
    dataset.edit("arguments.toml", on_report)
    store = Store(build_store(dataset.folder, tmp_path / "s.sqlite").path)
    try:
        assert store.source("report").source.label == "The Test Gazette: [Mini sues Host]"
        [argument] = [a for a in store.topic("contract").arguments if a.id == "contract-mini"]
        assert argument.reported_in == "The Test Gazette: [Mini sues Host]" and argument.quotes == ()
    finally:
        store.close()


def test_an_argument_with_neither_quotes_nor_a_report_is_refused(dataset, tmp_path):
    dataset.edit("arguments.toml", lambda doc: doc["topic"][0]["argument"][0].update(quotes=[]))
    assert any("reported_in" in problem for problem in problems_of(dataset, tmp_path))


def test_a_frame_must_mark_the_quotes_place_once(dataset, tmp_path):
    dataset.edit("quotes.toml", lambda doc: doc["quote"][1].update(frame="Mini answered in court:"))
    assert any("frame" in problem and "{quote}" in problem for problem in problems_of(dataset, tmp_path))


def test_verify_finds_frame_and_quote_together_and_reports_a_frame_the_source_does_not_hold(
    mini_store, sources, tmp_path
):
    assert verify_store(mini_store, [sources]).passed
    tampered = tmp_path / "tampered.sqlite"
    tampered.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(tampered) as db:
        db.execute("UPDATE quotes SET frame = 'Mini denied in court: {quote}' WHERE id = 'mini-claim'")
    report = verify_store(tampered, [sources])
    assert [missing.id for missing in report.missing] == ["mini-claim"]


def test_a_store_of_the_old_schema_is_refused_in_one_line(mini_store, tmp_path):
    old = tmp_path / "old.sqlite"
    old.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(old) as db:
        db.execute("PRAGMA user_version = 1")
    with pytest.raises(StoreError) as caught:
        open_store(old)
    assert "built by an older parlertui" in str(caught.value) and "\n" not in str(caught.value)


# The rules -----------------------------------------------------------------------------------------------------


def test_the_rules_on_their_own():
    assert speaker_unknown("Fox Business does not say whose words these are.")
    assert not speaker_unknown("AWS, as quoted by Fox Business.")
    assert lacks_as_quoted("news", "Fox Business", "company", ["Google"], "Google's reason.")
    assert not lacks_as_quoted("news", "Fox Business", "company", ["Google"], "Google's reason, as quoted by Fox.")
    assert not lacks_as_quoted("news", "Reuters", "outlet", ["Reuters"], None)  # the outlet's own words
    assert not lacks_as_quoted("court_order", None, "court", ["The Court"], None)
    sides = {"parler": ["Parler"], "aws": ["AWS", "Amazon"], "court": ["Court"], "other": ["Others"]}
    assert sides_without_argument("Moving", "Could Parler leave AWS?", None, ["parler"], sides) == ["aws"]
    assert sides_without_argument("Moving", "Could Parler leave Amazon?", None, ["parler"], sides) == ["aws"]
    assert sides_without_argument("Ruling", "What did the court order?", None, [], sides, "court") == ["court"]
    assert sides_without_argument("Ruling", "What did the court order?", None, [], sides) == []  # as written
    assert sides_without_argument("Others", "Did others leave AWS?", None, ["aws"], sides) == ["other"]  # the title
    answered = "Our sources give no answer from AWS."
    assert sides_without_argument("Moving", "Could Parler leave AWS?", answered, ["parler"], sides) == []
    assert sides_without_argument("Moving", "Could parlerly leave?", None, [], sides) == []  # whole words only
    punctuated = {"att": ["AT&T Inc."], "x": ["X (UK)"]}
    assert sides_without_argument("Deal", "Did AT&T Inc. pay X (UK)?", None, [], punctuated) == ["att", "x"]


def test_validation_refuses_a_quote_whose_speaker_is_unknown(dataset, tmp_path):
    dataset.edit(
        "quotes.toml",
        lambda doc: doc["quote"][0].update(context="The report does not say whose words these are, as quoted."),
    )
    assert any("speaker is not known" in problem for problem in problems_of(dataset, tmp_path))


def test_validation_refuses_a_reported_quote_without_as_quoted(dataset, tmp_path):
    dataset.edit("quotes.toml", lambda doc: doc["quote"][0].update(context="Host's email to Mini."))
    assert any('"as quoted by' in problem for problem in problems_of(dataset, tmp_path))


def test_validation_refuses_a_rebuttal_of_ones_own_side_the_court_included(dataset, tmp_path):
    def court_rebuts_court(doc):
        arguments = doc["topic"][0]["argument"]
        arguments.append(
            {"id": "contract-court-2", "party_id": "court", "summary": "More.", "quotes": ["court-finding"]}
        )
        arguments[-1]["rebuts"] = ["contract-court"]

    dataset.edit("arguments.toml", court_rebuts_court)
    assert any("same side (court)" in problem for problem in problems_of(dataset, tmp_path))


def test_validation_refuses_a_topic_without_an_argument_of_a_side_it_names(dataset, tmp_path):
    def unanswered(doc):
        topic = doc["topic"][0]
        topic["question"] = "Did Host break the contract with Parler?"
        topic["argument"] = [a for a in topic["argument"] if a["id"] != "contract-mini"]
        for argument in topic["argument"]:
            argument.pop("rebuts", None)

    dataset.edit("arguments.toml", unanswered)
    problems = problems_of(dataset, tmp_path)
    assert any("names Parler" in problem for problem in problems)

    def said_so(doc):
        doc["topic"][0]["outcome"] = "Our sources hold no argument from Parler on it."

    dataset.edit("arguments.toml", said_so)
    build_store(dataset.folder, tmp_path / "ok.sqlite")


def test_check_reports_each_rule_broken_in_a_store(mini_store, tmp_path):
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(mini_store.read_bytes())
    with sqlite3.connect(broken) as db:
        db.execute("UPDATE quotes SET context = 'Host''s email.' WHERE id = 'host-warning'")
        db.execute("UPDATE quotes SET context = 'The speaker is not known, as quoted.' WHERE id = 'mini-claim'")
        db.execute("INSERT INTO argument_links VALUES ('contract-host', 'contract-host', 'rebuts')")
        db.execute("UPDATE topics SET question = 'Did Host break the contract with Parler or AWS?'")
    problems = check_store(broken).problems
    assert "quote 'host-warning': read in a report, its context does not say \"as quoted\"" in problems
    assert "quote 'mini-claim': its context says the speaker is not known" in problems
    assert "argument 'contract-host' rebuts 'contract-host', an argument of its own side (aws)" in problems
    assert not any(problem.startswith("topic 'contract'") for problem in problems)  # Mini is Parler's, Host AWS's
    assert check_store(mini_store).clean
