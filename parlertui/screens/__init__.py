"""The explorer screen and the screens and dialogs over it: search, filters and the as-of date, help, a quote in
full, export, and the command palette."""
