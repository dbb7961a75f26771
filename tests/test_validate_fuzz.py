"""Whatever a dataset file holds, validation answers with problems, never an exception."""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

from hypothesis import HealthCheck, given, settings, strategies as st

from parlertui.store.build import BuildError, build_store
from parlertui.store.dataset import FILES, load_dataset
from parlertui.store.validate import FIELDS, validate
from toml_writer import dumps

MINI = Path(__file__).resolve().parent / "data" / "mini"

scalars = st.one_of(
    st.text(max_size=12),
    st.integers(-5, 5),
    st.booleans(),
    st.sampled_from(["mini", "host", "report", "2021-01-09", "2021-02-30", "news", "parler", ""]),
)
values = st.recursive(
    scalars,
    lambda inner: st.one_of(
        st.lists(inner, max_size=3), st.dictionaries(st.sampled_from(["mini", "host", "x"]), inner, max_size=2)
    ),
    max_leaves=6,
)
field_names = st.sampled_from(sorted({name for spec in FIELDS.values() for name in spec} | {"extra"}))
entries = st.dictionaries(field_names, values, max_size=8)


@settings(max_examples=60, deadline=None)
@given(arguments=st.lists(entries, min_size=1, max_size=4), party_field=values)
def test_any_arguments_give_problems_not_exceptions(arguments, party_field):
    folder = _folder()
    for argument in arguments:
        argument.setdefault("party_id", party_field)
    topic = {"id": "t", "title": "T", "question": "Q?", "argument": arguments}
    (folder / "arguments.toml").write_text(dumps({"topic": [topic]}), encoding="utf-8")
    dataset, problems = load_dataset(folder)
    assert all(str(problem) for problem in problems + validate(dataset))
    shutil.rmtree(folder)


def _folder() -> Path:
    folder = Path(tempfile.mkdtemp())
    shutil.copytree(MINI, folder, dirs_exist_ok=True)
    return folder


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(file=st.sampled_from(sorted(FILES)), items=st.lists(entries, max_size=3))
def test_any_entries_give_problems_not_exceptions(file, items):
    folder = _folder()
    key = FILES[file]
    document = items[0] if key is None and items else {key: items} if key else {}
    (folder / file).write_text(dumps(document), encoding="utf-8")
    dataset, problems = load_dataset(folder)
    found = problems + validate(dataset)
    assert all(str(problem) for problem in found)
    if not found:  # whatever validation lets through must build
        build_store(folder, folder / "store.sqlite")
    shutil.rmtree(folder)


@settings(max_examples=50, deadline=None)
@given(file=st.sampled_from(sorted(FILES)), content=st.binary(max_size=200))
def test_any_bytes_give_problems_not_exceptions(file, content):
    folder = _folder()
    (folder / file).write_bytes(content)
    try:
        build_store(folder, folder / "store.sqlite")
    except BuildError as err:
        assert err.problems and all(str(problem) for problem in err.problems)
    shutil.rmtree(folder)
