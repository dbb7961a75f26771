"""Screens over the views: the help screen and a record opened in full."""
