"""The build's validation: each kind of error is found, named by file, entry and field, all at once."""

from pathlib import Path

import pytest

from parlertui.store.dataset import Problem, load_dataset
from parlertui.store.validate import validate


def problems_in(folder: Path) -> list[Problem]:
    dataset, problems = load_dataset(folder)
    return problems + validate(dataset)


def only_problem(folder: Path) -> Problem:
    found = problems_in(folder)
    assert len(found) == 1, [str(p) for p in found]
    return found[0]


def test_the_mini_dataset_is_valid(dataset):
    assert problems_in(dataset.folder) == []


def test_duplicate_ids(dataset):
    dataset.edit("events.toml", lambda doc: doc["event"].append(dict(doc["event"][0])))
    problem = only_problem(dataset.folder)
    assert (problem.file, problem.entry, problem.field) == ("events.toml", "event 'suspension'", "id")
    assert "duplicate id" in problem.message


@pytest.mark.parametrize(
    ("file", "change", "entry", "field", "message"),
    [
        (
            "events.toml",
            lambda d: d["event"][0]["parties"].update(nobody="witness"),
            "event 'suspension'",
            "parties",
            "unknown party 'nobody'",
        ),
        (
            "events.toml",
            lambda d: d["event"][1]["sources"].append("rumour"),
            "event 'email'",
            "sources",
            "unknown source 'rumour'",
        ),
        (
            "quotes.toml",
            lambda d: d["quote"][0].update(speaker_id="ghost"),
            "quote 'host-warning'",
            "speaker_id",
            "unknown party 'ghost'",
        ),
        (
            "quotes.toml",
            lambda d: d["quote"][0].update(source_id="hearsay"),
            "quote 'host-warning'",
            "source_id",
            "unknown source 'hearsay'",
        ),
        (
            "quotes.toml",
            lambda d: d["quote"][1].update(event_id="never"),
            "quote 'mini-claim'",
            "event_id",
            "unknown event 'never'",
        ),
        (
            "arguments.toml",
            lambda d: d["topic"][0]["argument"][1].update(rebuts=["no-such-argument"]),
            "topic 'contract' > argument 'contract-host'",
            "rebuts",
            "unknown argument 'no-such-argument'",
        ),
        (
            "arguments.toml",
            lambda d: d["topic"][0]["argument"][0].update(quotes=["unsaid"]),
            "topic 'contract' > argument 'contract-mini'",
            "quotes",
            "unknown quote 'unsaid'",
        ),
        (
            "sources.toml",
            lambda d: d["source"][1].update(via_source_id="elsewhere"),
            "source 'order-via-report'",
            "via_source_id",
            "unknown source 'elsewhere'",
        ),
        (
            "parties.toml",
            lambda d: d["party"][2].update(affiliation_id="acme"),
            "party 'ceo'",
            "affiliation_id",
            "unknown party 'acme'",
        ),
    ],
)
def test_references_to_unknown_entries(dataset, file, change, entry, field, message):
    dataset.edit(file, change)
    problem = only_problem(dataset.folder)
    assert (problem.file, problem.entry, problem.field) == (file, entry, field)
    assert message in problem.message


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("2021-02-30", "not a real date"),
        ("2021-01-10T23:59", "without its zone"),
        ("January 2021", "not a date of the form"),
        ("", "empty"),
    ],
)
def test_malformed_or_impossible_dates(dataset, value, message):
    dataset.edit("events.toml", lambda doc: doc["event"][1].update(occurred_at=value))
    problem = only_problem(dataset.folder)
    assert (problem.file, problem.entry, problem.field) == ("events.toml", "event 'email'", "occurred_at")
    assert message in problem.message


@pytest.mark.parametrize("text", ["", "   \n\t"])
def test_empty_quotes(dataset, text):
    dataset.edit("quotes.toml", lambda doc: doc["quote"][1].update(text=text))
    problem = only_problem(dataset.folder)
    assert (problem.entry, problem.field) == ("quote 'mini-claim'", "text")
    assert "empty" in problem.message


@pytest.mark.parametrize(
    ("file", "change", "field", "message"),
    [
        ("events.toml", lambda d: d["event"][0].pop("title"), "title", "required"),
        ("events.toml", lambda d: d["event"][0].update(sources=[]), "sources", "at least one"),
        ("events.toml", lambda d: d["event"][0].update(kind="riot"), "kind", "not one of"),
        ("events.toml", lambda d: d["event"][0].update(sumary="typo"), "sumary", "unknown field"),
        ("events.toml", lambda d: d["event"][0].update(id="Not A Slug"), "id", "not an id"),
        ("events.toml", lambda d: d["event"][0].update(title=7), "title", "expected text"),
        ("sources.toml", lambda d: d["source"][0].update(url="example.org/page"), "url", "http(s) address"),
        ("parties.toml", lambda d: d["party"][0].update(side="neutral"), "side", "unknown side 'neutral'"),
        ("parties.toml", lambda d: d["party"][0].update(affiliation_id="mini"), "affiliation_id", "itself"),
        ("dispute.toml", lambda d: d.update(timezone="Mars/Olympus"), "timezone", "time zone"),
    ],
)
def test_fields_of_the_wrong_shape(dataset, file, change, field, message):
    dataset.edit(file, change)
    problem = only_problem(dataset.folder)
    assert (problem.file, problem.field) == (file, field)
    assert message in problem.message


def test_a_via_chain_that_loops(dataset):
    def loop(doc):
        doc["source"][0]["via_source_id"] = "order-via-report"

    dataset.edit("sources.toml", loop)
    found = problems_in(dataset.folder)
    assert {p.entry for p in found} == {"source 'report'", "source 'order-via-report'"}
    assert all("cycle" in p.message for p in found)


def test_an_argument_cannot_rebut_itself(dataset):
    dataset.edit("arguments.toml", lambda d: d["topic"][0]["argument"][0].update(rebuts=["contract-mini"]))
    assert "itself" in only_problem(dataset.folder).message


def test_an_argument_rebutting_its_own_side_is_refused(dataset):
    def same_side(doc):
        doc["topic"][0]["argument"][1]["party_id"] = "mini"

    dataset.edit("arguments.toml", same_side)
    problem = only_problem(dataset.folder)
    assert problem.field == "rebuts" and "same side" in problem.message


def test_missing_and_unreadable_files(dataset):
    (dataset.folder / "quotes.toml").unlink()
    (dataset.folder / "parties.toml").write_text("[[party]\nid = ", encoding="utf-8")
    found = problems_in(dataset.folder)
    messages = {p.file: p.message for p in found if p.file in {"quotes.toml", "parties.toml"}}
    assert "missing" in messages["quotes.toml"]
    assert "not valid TOML" in messages["parties.toml"]


def test_every_error_is_reported_at_once_in_file_order(dataset):
    dataset.edit("arguments.toml", lambda d: d["topic"][0]["argument"][0].update(quotes=["unsaid"]))
    dataset.edit("quotes.toml", lambda d: d["quote"][0].update(text=""))
    dataset.edit("events.toml", lambda d: d["event"][0].update(occurred_at="2021-02-29"))
    found = problems_in(dataset.folder)
    assert [p.file for p in found] == ["events.toml", "quotes.toml", "arguments.toml"]
    assert str(found[0]) == (
        "events.toml: event 'suspension': occurred_at: '2021-02-29' is not a real date (day is out of range for month)"
    )


def test_problems_come_in_file_order_not_alphabetical(dataset):
    def many(doc):
        for number in range(12):
            doc["event"].append({**doc["event"][0], "id": f"copy-{number}", "occurred_at": "2021-02-30"})

    dataset.edit("events.toml", many)
    entries = [p.entry for p in problems_in(dataset.folder)]
    assert entries == [f"event 'copy-{number}'" for number in range(12)]


def test_an_empty_entry_lists_what_it_lacks(dataset):
    dataset.edit("quotes.toml", lambda doc: doc["quote"].append({}))
    found = problems_in(dataset.folder)
    assert {(p.entry, p.field) for p in found} == {
        ("quote #4", name) for name in ("id", "text", "speaker_id", "source_id")
    }


def test_an_entry_that_is_not_a_table(dataset):
    dataset.edit("parties.toml", lambda doc: doc.update(party=[*doc["party"], "not a table"]))
    problem = only_problem(dataset.folder)
    assert (problem.entry, problem.message) == ("party #5", "expected a [[party]] table of fields")


def test_an_unquoted_date_says_to_quote_it(dataset):
    text = (dataset.folder / "events.toml").read_text(encoding="utf-8")
    (dataset.folder / "events.toml").write_text(
        text.replace('occurred_at = "2021-01-09"', "occurred_at = 2021-01-09"), encoding="utf-8"
    )
    problem = only_problem(dataset.folder)
    assert problem.field == "occurred_at"
    assert problem.message.startswith('write the date in quotes, as text: "2021-01-09"')


def test_a_folder_of_the_zone_database_is_not_a_zone(dataset):
    dataset.edit("dispute.toml", lambda doc: doc.update(timezone="America"))
    assert "not a time zone name" in only_problem(dataset.folder).message


def test_an_argument_answers_only_its_own_topic(dataset):
    def second_topic(doc):
        doc["topic"].append(
            {
                "id": "other",
                "title": "Other",
                "question": "Other?",
                "argument": [
                    {
                        "id": "other-host",
                        "party_id": "host",
                        "summary": "An answer.",
                        "quotes": ["host-warning"],
                        "rebuts": ["contract-mini"],
                    }
                ],
            }
        )

    dataset.edit("arguments.toml", second_topic)
    problem = only_problem(dataset.folder)
    assert (problem.entry, problem.field) == ("topic 'other' > argument 'other-host'", "rebuts")
    assert "another topic" in problem.message
