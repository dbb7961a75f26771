"""Reusable pieces of the views: keyboard lists, link lists, the debate, how records read."""
