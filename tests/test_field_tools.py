"""A tool the export tests need skips them where it is missing, but fails them under CI."""

from __future__ import annotations

import pytest

from field_tools import missing, npm_package


def test_a_missing_tool_skips_locally(monkeypatch):
    monkeypatch.delenv("CI", raising=False)
    with pytest.raises(pytest.skip.Exception, match="not installed"):
        missing("a tool", "install it")


def test_a_missing_tool_fails_under_ci(monkeypatch):
    monkeypatch.setenv("CI", "true")
    with pytest.raises(pytest.fail.Exception, match="CI=true and a tool is not installed"):
        missing("a tool", "install it")


def test_npm_packages_are_looked_for_where_ci_puts_them(monkeypatch, tmp_path):
    monkeypatch.setenv("CI", "true")
    monkeypatch.setenv("PARLERTUI_NPM_DIR", str(tmp_path))
    with pytest.raises(pytest.fail.Exception, match="@knight-lab/timelinejs"):
        npm_package("@knight-lab/timelinejs")
    (tmp_path / "node_modules" / "@knight-lab" / "timelinejs").mkdir(parents=True)
    (tmp_path / "node_modules" / "@knight-lab" / "timelinejs" / "package.json").write_text("{}")
    assert npm_package("@knight-lab/timelinejs") == tmp_path / "node_modules" / "@knight-lab" / "timelinejs"
