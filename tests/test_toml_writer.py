import tomllib

from hypothesis import given, strategies as st

from toml_writer import dumps

keys = st.text(st.sampled_from("abcdefghij_-"), min_size=1, max_size=8)
scalars = st.one_of(st.text(), st.integers(-(10**6), 10**6), st.booleans())
values = st.one_of(scalars, st.lists(st.text(), max_size=3), st.dictionaries(keys, st.text(), max_size=3))


@given(
    st.dictionaries(
        keys, st.lists(st.dictionaries(keys, values, min_size=1, max_size=4), min_size=1, max_size=3), max_size=3
    )
)
def test_writer_round_trips_arrays_of_tables(document):
    assert tomllib.loads(dumps(document)) == document
