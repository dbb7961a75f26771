"""The store: the dataset, its validation, the SQLite build, and read-only queries.

Nothing in this package imports Textual: the app reads plain records (named tuples) from it.
"""
