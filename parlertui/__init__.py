"""parlertui: explore a public dispute in the terminal."""

__version__ = "0.1.0"
