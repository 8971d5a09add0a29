"""Frictions a newcomer met (issue 13): OPML import reports what it drops and speaks plainly,
`seeds draft` is careful with files and names, tables stay readable at 80 columns, and a
local feed does not log a warning-like line on every poll."""

from __future__ import annotations

from click.testing import CliRunner

from monitor.cli import cli

from daemon_helpers import write_config


def invoke(*args: str, env: dict[str, str] | None = None):
    return CliRunner().invoke(cli, list(args), env=env)


def test_opml_outline_without_xmlurl_is_reported(tmp_path):
    """A leaf outline with no xmlUrl (a bookmark, a broken export) is named as skipped, not
    dropped in silence; a folder outline is not a feed and is not reported."""
    opml = tmp_path / "f.opml"
    opml.write_text(
        '<?xml version="1.0"?><opml version="2.0"><body>'
        '<outline text="Folder"><outline text="Good" xmlUrl="https://good.example/rss"/>'
        '<outline text="Homepage only" htmlUrl="https://home.example/"/></outline>'
        "</body></opml>", encoding="utf-8")
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    res = invoke("feeds", "import", str(opml), "--config", str(config), "--print")
    assert res.exit_code == 0, res.output
    assert "skipped outline 'Homepage only': it has no xmlUrl" in res.stderr
    assert "Folder" not in res.stderr
    assert "id: good" in res.stdout


def test_opml_with_entities_is_refused_in_plain_words(tmp_path):
    """An OPML file declaring entities: a sentence, not an exception's repr."""
    opml = tmp_path / "bomb.opml"
    opml.write_text('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]>'
                    '<opml><body><outline text="&a;" xmlUrl="https://x.example/"/></body></opml>',
                    encoding="utf-8")
    config = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"})
    res = invoke("feeds", "import", str(opml), "--config", str(config))
    assert res.exit_code == 2
    assert "declares XML entities" in res.output, res.output
    assert "EntitiesForbidden" not in res.output and "(name=" not in res.output
