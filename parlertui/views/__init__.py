"""The five views (timeline, parties, arguments, sources, quotes), one module each, and what they share: a list
and a detail read in workers (base.py), paged lists (paged.py), dates and orders (dated.py, sorting.py)."""
