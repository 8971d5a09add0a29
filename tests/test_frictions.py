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


LONG_IDS = ("ministerio-defensa-comunicados-oficiales", "ministerio-defensa-comunicados-regionales")


def _two_long_feeds(tmp_path):
    """Two feeds whose ids differ only at the end; one failing with a long error, one alert."""
    from monitor import clock
    from monitor.config import load_config
    from monitor.store import open_store
    from monitor.types import MatchedItem

    from builders import intent, item, result

    config = write_config(tmp_path, {fid: f"http://127.0.0.1:9/{n}"
                                     for n, fid in enumerate(LONG_IDS)})
    cfg = load_config(config)
    store = open_store(cfg.database)
    now = clock.now()
    store.sync_feeds(cfg.feeds, now)
    store.record_poll(intent(LONG_IDS[0], [], [], at=now, status="error", error=(
        "HTTP 503 Service Unavailable: the upstream server said it is down for maintenance "
        "until further notice; retry later")), window=0)
    it = item(LONG_IDS[1], guid="1", title="A long title about Nicolás Maduro and the "
              "Cartel de los Soles designation by the United States government this week")
    store.record_poll(intent(LONG_IDS[1], [it], [MatchedItem(it, result("cartel-de-los-soles"))],
                             at=now), window=0)
    store.close()
    return config


def test_tables_fit_80_columns_and_never_cut_an_id(tmp_path):
    """At 80 columns `feeds` and `alerts` print one line per row, no line wider than 80, and
    every feed and entity id whole, so the two feeds can be told apart."""
    config = _two_long_feeds(tmp_path)
    for args, ids, rows in ((["feeds"], LONG_IDS, 2), (["alerts"], LONG_IDS[1:], 1)):
        res = invoke(*args, "--config", str(config), env={"COLUMNS": "80"})
        assert res.exit_code == 0, res.output
        lines = res.output.splitlines()
        assert max(len(line) for line in lines) <= 80, res.output
        for feed_id in ids:
            assert sum(feed_id in line for line in lines) == 1, res.output
        body = lines[lines.index(next(x for x in lines if set(x.strip()) == {"─"})) + 1:]
        assert len([x for x in body if x.strip()]) == rows, res.output
    res = invoke("alerts", "--config", str(config), env={"COLUMNS": "80"})
    assert "cartel-de-los-soles" in res.output
    wide = invoke("feeds", "--config", str(config), env={"COLUMNS": "160"})
    assert "HTTP 503 Service Unavailable: the upstream server" in wide.output
    assert "next poll" in wide.output and "items" in wide.output


def test_a_local_feed_file_polls_without_a_content_type_warning(tmp_path):
    """A local file has no HTTP Content-Type; polling one is not a warning (it used to log
    NonXMLContentType at info on every poll)."""
    import subprocess
    import sys

    from daemon_helpers import ROOT

    feeds = {p.stem: p.as_uri() for p in sorted((ROOT / "config" / "demo-feeds").iterdir())}
    config = write_config(tmp_path, feeds)
    proc = subprocess.run([sys.executable, "-m", "monitor", "poll-once", "--config", str(config),
                           "--log-level", "info"], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 0, proc.stderr
    assert "3 ok" in proc.stdout
    assert "NonXMLContentType" not in proc.stderr and "feed_warning" not in proc.stderr
