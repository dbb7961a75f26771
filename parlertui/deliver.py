"""Where an export goes: in a browser session (`parlertui serve`), to the reader's browser as a download, since a
file written by the session would land on the server, where the reader cannot reach it (and other readers
could)."""

from __future__ import annotations

import io

from textual.app import App

MIME_TYPES = {".md": "text/markdown", ".json": "application/json", ".csv": "text/csv"}


def deliver_export(app: App[object], name: str, text: str) -> bool:
    """In a browser session, send `text` to the reader's browser as the file `name` and say so; True if it did.
    False in a terminal, where the caller writes the file. Call on the app's thread."""
    if not app.is_web:
        return False
    suffix = name[name.rfind(".") :] if "." in name else ""
    app.deliver_text(
        io.StringIO(text),
        save_filename=name,
        encoding="utf-8",
        mime_type=MIME_TYPES.get(suffix, "text/plain"),
    )
    lines = text.count("\n")
    app.notify(f"Sent {name} ({lines:,} lines) to your browser as a download", title="Exported", markup=False)
    return True
