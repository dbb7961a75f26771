"""A small TOML writer for test fixtures: the standard library reads TOML but does not write it.

Covers what the dataset uses: text, integers, booleans, lists of those, inline tables, arrays of tables and
one level of nested arrays of tables.
"""

from __future__ import annotations

from typing import Any


def _value(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, str):
        return _string(value)
    if isinstance(value, list):
        return "[" + ", ".join(_value(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{ " + ", ".join(f"{_key(k)} = {_value(v)}" for k, v in value.items()) + " }"
    raise TypeError(f"cannot write {type(value).__name__} as TOML")


def _string(text: str) -> str:
    escaped = "".join(
        f"\\u{ord(char):04x}" if ord(char) < 0x20 or ord(char) == 0x7F else "\\" + char if char in '"\\' else char
        for char in text
    )
    return f'"{escaped}"'


def _key(key: str) -> str:
    return key if key.replace("-", "").replace("_", "").isalnum() and key.isascii() else _string(key)


def _is_table_array(value: Any) -> bool:
    return isinstance(value, list) and bool(value) and all(isinstance(item, dict) for item in value)


def _table(lines: list[str], header: str, table: dict[str, Any]) -> None:
    nested = {k: v for k, v in table.items() if _is_table_array(v)}
    for key, value in table.items():
        if key not in nested:
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, items in nested.items():
        for item in items:
            lines.append("")
            lines.append(f"[[{header}.{_key(key)}]]")
            _table(lines, f"{header}.{_key(key)}", item)


def dumps(document: dict[str, Any]) -> str:
    """`document` as TOML text."""
    lines: list[str] = []
    for key, value in document.items():
        if not _is_table_array(value):
            lines.append(f"{_key(key)} = {_value(value)}")
    for key, value in document.items():
        if _is_table_array(value):
            for item in value:
                lines.append("")
                lines.append(f"[[{_key(key)}]]")
                _table(lines, _key(key), item)
    return "\n".join(lines) + "\n"
