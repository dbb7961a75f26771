"""schema.sql and the Python vocabularies say the same thing; the app's real queries use indexes."""

from __future__ import annotations

import re
import sqlite3

import pytest

from parlertui.store import schema
from parlertui.store.filters import Filters
from parlertui.store.queries import Store


@pytest.mark.parametrize(
    ("table", "column", "values"),
    [
        ("sources", "kind", schema.SOURCE_KINDS),
        ("parties", "kind", schema.PARTY_KINDS),
        ("events", "precision", schema.PRECISIONS),
        ("events", "kind", schema.EVENT_KINDS),
        ("argument_links", "relation", schema.RELATIONS),
    ],
)
def test_check_constraints_match_the_vocabularies(table, column, values):
    body = re.search(rf"CREATE TABLE {table} \((.*?)\n\);", schema.schema_sql(), re.S).group(1)
    check = re.search(rf"\n\s+{column}\s+TEXT[^\n]*CHECK \({column} IN \((.*?)\)\)", body, re.S).group(1)
    assert tuple(re.findall(r"'([^']*)'", check)) == values


def test_the_app_queries_read_through_indexes(mini_store):
    statements: list[str] = []
    with Store(mini_store) as store:
        with store.reader.reading() as connection:
            connection.set_trace_callback(statements.append)
        store.catalogue()
        store.timeline(Filters(party="mini"))
        store.event("suit")
        store.party("mini")
        store.topic("contract")
        store.quote("court-finding")
        store.source("report")
    connection = sqlite3.connect(f"{mini_store.as_uri()}?mode=ro", uri=True)
    for statement in statements:
        plan = [row[3] for row in connection.execute(f"EXPLAIN QUERY PLAN {statement}")]
        for step in plan:
            if step.startswith("SCAN") and "meta" not in step:
                assert "INDEX" in step, (statement, plan)
            # Whole lists come in index order; only the few rows of one record's detail may be sorted.
            if "WHERE" not in statement.split("FROM", 1)[-1].replace("WHERE ep.event_id = e.id", ""):
                assert "TEMP B-TREE FOR ORDER BY" not in step, (statement, plan)
    connection.close()
    assert len(statements) > 10
