"""The compiled watchlist kept beside the database (``monitor.watchlist_cache``): a run reads it
back instead of loading and compiling the YAML, matches exactly as a fresh compile does, and
never uses a compile of other files or other code: an edited, added or broken watchlist file is
loaded (and rejected) as if there were no cache."""

from __future__ import annotations

import logging
import random
import shutil
import sys
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor import runtime as runtime_mod
from monitor import watchlist_cache
from monitor.cli import cli
from monitor.exceptions import ConfigError
from monitor.match import Matcher
from monitor.runtime import load_runtime
from monitor.watchlist import load_watchlists

from daemon_helpers import write_config
from feedgen import make_items, rss

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))

import eval_match  # noqa: E402

ITEMS = [{"title": i["title"], "summary": i.get("summary", "")}
         for i in eval_match.load_labelled()][:300]

SMALL = textwrap.dedent("""\
    watchlist: small
    entities:
      - id: acme
        name: Acme Corp
        type: organization
        priority: high
        aliases: [Acme Corp]
    """)


@pytest.fixture
def compiles(monkeypatch):
    """Counts watchlist loads (YAML read and checked) and compiles."""
    seen: list[str] = []
    real_load, real_compile = runtime_mod.load_watchlists, Matcher._compile

    def load(paths):
        seen.append("load")
        return real_load(paths)

    def compile_(self):
        seen.append("compile")
        real_compile(self)

    monkeypatch.setattr(runtime_mod, "load_watchlists", load)
    monkeypatch.setattr(Matcher, "_compile", compile_)
    return seen


def _config(tmp_path: Path, watchlists: str) -> Path:
    cfg = write_config(tmp_path, {"a": "http://127.0.0.1:9/a.xml"})
    text = cfg.read_text().replace(next(line for line in cfg.read_text().splitlines()
                                        if line.startswith("watchlists:")),
                                   f"watchlists: [{watchlists}]")
    cfg.write_text(text)
    return cfg


def test_a_second_start_reads_the_cache_and_matches_as_a_fresh_compile(tmp_path, compiles):
    cfg = write_config(tmp_path, {"a": "http://127.0.0.1:9/a.xml"})
    first = load_runtime(cfg)
    assert compiles == ["load", "compile"]
    cache = tmp_path / "monitor.db.watchlist-cache"
    assert cache.is_file() and cache.stat().st_mode & 0o077 == 0  # the owner's alone
    second = load_runtime(cfg)
    assert compiles == ["load", "compile"]  # read back: neither loaded nor compiled again
    assert second.matcher.version == first.matcher.version == second.watchlist.version
    assert second.watchlist.files == first.watchlist.files
    fresh = Matcher.compile(load_watchlists(first.config.watchlists))
    got = [second.matcher.match(i) for i in ITEMS]
    assert got == [fresh.match(i) for i in ITEMS]
    assert sum(bool(r) for r in got) > 50  # the comparison saw matches
    assert second.matcher.explain(ITEMS[0]) == fresh.explain(ITEMS[0])


def test_an_edited_watchlist_never_uses_the_old_compile(tmp_path, compiles):
    wl = tmp_path / "watch.yaml"
    wl.write_text(SMALL)
    cfg = _config(tmp_path, str(wl))
    item = {"title": "Globex Co buys a rival", "summary": ""}
    assert not load_runtime(cfg).matcher.match(item)
    assert load_runtime(cfg).matcher.version  # read back from the cache
    assert compiles == ["load", "compile"]
    # the same length, within the same second: only the bytes tell the edit apart
    wl.write_text(SMALL.replace("[Acme Corp]", "[Globex Co]"))
    edited = load_runtime(cfg)
    assert compiles == ["load", "compile"] * 2
    assert [e.entity_id for e in edited.matcher.match(item).entities] == ["acme"]
    again = load_runtime(cfg)  # the edit's compile is the cache now
    assert compiles == ["load", "compile"] * 2
    assert again.matcher.version == edited.matcher.version
    assert [e.entity_id for e in again.matcher.match(item).entities] == ["acme"]


def test_a_file_added_to_a_watchlist_folder_is_loaded(tmp_path, compiles):
    folder = tmp_path / "lists"
    folder.mkdir()
    (folder / "a.yaml").write_text(SMALL)
    cfg = _config(tmp_path, str(folder))
    assert len(load_runtime(cfg).watchlist.entities) == 1
    (folder / "b.yaml").write_text(SMALL.replace("small", "other").replace("acme", "globex")
                                   .replace("Acme Corp", "Globex Inc"))
    rt = load_runtime(cfg)
    assert [e.id for e in rt.watchlist.entities] == ["acme", "globex"]
    assert rt.matcher.match({"title": "Globex Inc again", "summary": ""})
    assert compiles == ["load", "compile"] * 2


def test_a_broken_edit_is_rejected_although_a_cache_exists(tmp_path):
    """check-config and a start reject the file exactly as without a cache."""
    wl = tmp_path / "watch.yaml"
    wl.write_text(SMALL)
    cfg = _config(tmp_path, str(wl))
    load_runtime(cfg)
    assert (tmp_path / "monitor.db.watchlist-cache").is_file()
    wl.write_text(SMALL.replace("priority: high", "priority: urgent"))
    with pytest.raises(ConfigError, match=r"watch\.yaml:6"):
        load_runtime(cfg)
    out = CliRunner().invoke(cli, ["check-config", "--config", str(cfg)])
    assert out.exit_code == 2 and "watch.yaml:6" in out.output
    wl.unlink()
    with pytest.raises(ConfigError, match=r"watch\.yaml"):
        load_runtime(cfg)


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_a_corrupt_cache_is_ignored_with_a_warning_and_rewritten(tmp_path, compiles, caplog,
                                                                   damage):
    cfg = write_config(tmp_path, {"a": "http://127.0.0.1:9/a.xml"})
    load_runtime(cfg)
    cache = tmp_path / "monitor.db.watchlist-cache"
    data = cache.read_bytes()
    head = len(data) - len(data.split(b"\n", 1)[1]) + 32  # the magic line and the key
    cache.write_bytes(data[:head] + b"\x80\x05not a pickle" if damage == "garbage"
                      else data[:len(data) // 2])
    with caplog.at_level(logging.WARNING, logger="monitor.watchlist_cache"):
        rt = load_runtime(cfg)
    assert "cannot be read" in caplog.text and str(cache) in caplog.text
    assert compiles == ["load", "compile"] * 2
    assert rt.matcher.match(ITEMS[0]) == Matcher.compile(rt.watchlist).match(ITEMS[0])
    assert cache.read_bytes()[:head] == data[:head]  # rewritten, with the same key
    load_runtime(cfg)
    assert compiles.count("compile") == 3  # the fresh compile above; none for the rewrite


def test_a_code_change_is_another_key(tmp_path, monkeypatch):
    package = tmp_path / "pkg"
    shutil.copytree(watchlist_cache._PACKAGE, package,
                    ignore=shutil.ignore_patterns("__pycache__"))
    monkeypatch.setattr(watchlist_cache, "_PACKAGE", package)
    files = [ROOT / "seeds" / "cartel-de-los-soles.yaml"]
    before = watchlist_cache.key(files)
    assert watchlist_cache.key(files) == before
    match = package / "match.py"
    match.write_text(match.read_text() + "\n# a change\n")
    assert watchlist_cache.key(files) != before


def test_a_file_edited_while_it_compiles_gets_no_cache(tmp_path):
    wl = tmp_path / "watch.yaml"
    wl.write_text(SMALL)
    where = tmp_path / "monitor.db.watchlist-cache"
    cache = watchlist_cache.Cache([wl], where)
    watchlist = load_watchlists([wl])
    wl.write_text(SMALL.replace("Acme Corp]", "Acme Corp, Acme]"))
    assert not cache.save(watchlist, Matcher.compile(watchlist))
    assert not where.exists()
    assert watchlist_cache.Cache([wl], where).load() is None


def test_postgresql_and_an_unwritable_folder_have_no_cache(tmp_path, caplog):
    assert watchlist_cache.cache_path("postgresql://monitor@db/monitor") is None
    wl = tmp_path / "watch.yaml"
    wl.write_text(SMALL)
    watchlist = load_watchlists([wl])
    missing = tmp_path / "not-yet" / "monitor.db.watchlist-cache"
    assert not watchlist_cache.Cache([wl], missing).save(watchlist, Matcher.compile(watchlist))
    assert not missing.parent.exists()  # the database makes its folder, not the cache


def test_the_cache_is_written_and_read_without_a_whole_copy_in_memory(tmp_path):
    """The seed watchlist's cache is pickled into its file and unpickled from it as it goes,
    never held as one bytes object beside the objects (a ~3.4 MB copy at the end of a cold
    first poll was that poll's peak RSS; README, Performance: memory): writing peaks at least
    three quarters of the file's size below pickling the same objects into one bytes object
    (what is left is the pickler's table of the objects it wrote, whose size doubles as their
    number crosses a threshold, so it is compared, not bounded), and the cache reads back to a
    matcher that matches as the compiled one does."""
    import gc
    import pickle
    import tracemalloc

    seeds = ROOT / "seeds"
    watchlist = load_watchlists([seeds])
    matcher = Matcher.compile(watchlist)
    cache = watchlist_cache.Cache([seeds], tmp_path / "m.db.watchlist-cache")

    def peak_of(write) -> int:
        gc.collect()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            assert write()
            return tracemalloc.get_traced_memory()[1] - before
        finally:
            tracemalloc.stop()

    streamed = peak_of(lambda: cache.save(watchlist, matcher))
    whole = peak_of(lambda: pickle.dumps((watchlist, matcher), protocol=pickle.HIGHEST_PROTOCOL))
    size = cache.where.stat().st_size
    assert streamed < whole - 0.75 * size, (streamed / 2**20, whole / 2**20, size / 2**20)
    loaded = cache.load()
    assert loaded is not None
    assert [loaded[1].match(i) for i in ITEMS[:50]] == [matcher.match(i) for i in ITEMS[:50]]


@pytest.fixture
def matcher_reads(monkeypatch):
    """Counts the matchers read back from a cache file (the watchlist is read at start)."""
    seen: list[str] = []
    real = watchlist_cache._matcher_from

    def read(f, watchlist):
        seen.append("matcher")
        return real(f, watchlist)

    monkeypatch.setattr(watchlist_cache, "_matcher_from", read)
    return seen


def test_poll_once_caches_what_it_compiled_and_reads_it_back_only_to_match(
        tmp_path, feed_server, compiles, matcher_reads):
    """`poll-once` caches the watchlist it compiled. A later one reads the watchlist at start
    and the compiled matcher (most of the cache: ~23 MB of the seed watchlist's) only for an
    item to match: a poll where no feed has anything new never reads it, and one that reads it
    matches with it (no compile) and does not write it again."""
    feed_server.set("/a.xml", rss("a", make_items("a", 0, 5, random.Random(1))))
    cfg = write_config(tmp_path, {"a": feed_server.url("/a.xml")}, log_level="warning")
    cache = tmp_path / "monitor.db.watchlist-cache"
    first = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
    assert first.exit_code == 0 and "1 ok; 5 new items" in first.output, first.output
    assert compiles == ["load", "compile"] and cache.is_file()
    written = (cache.stat().st_mtime_ns, cache.read_bytes())
    same = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])  # a 304
    assert same.exit_code == 0 and "0 new items" in same.output, same.output
    assert matcher_reads == []  # nothing to match: the matcher was never read
    feed_server.set("/a.xml", rss("a", make_items("a", 0, 8, random.Random(1))))
    more = CliRunner().invoke(cli, ["poll-once", "--config", str(cfg)])
    assert more.exit_code == 0 and "1 ok; 3 new items" in more.output, more.output
    assert matcher_reads == ["matcher"] and compiles == ["load", "compile"]
    assert (cache.stat().st_mtime_ns, cache.read_bytes()) == written  # not written again


def test_a_matcher_read_later_matches_as_a_fresh_compile(tmp_path, compiles, matcher_reads):
    cfg = write_config(tmp_path, {"a": "http://127.0.0.1:9/a.xml"})
    load_runtime(cfg)
    rt = load_runtime(cfg, compile_later=True)
    assert not rt.matcher.compiled and matcher_reads == []
    assert rt.matcher.version == rt.watchlist.version  # there before the matcher is read
    got = [rt.matcher.match(i) for i in ITEMS]
    assert rt.matcher.compiled and rt.matcher.cached and matcher_reads == ["matcher"]
    assert compiles == ["load", "compile"]  # read, not compiled
    assert rt.matcher.watchlist is rt.watchlist  # the watchlist's objects, not copies
    fresh = Matcher.compile(load_watchlists(rt.config.watchlists))
    assert got == [fresh.match(i) for i in ITEMS] and sum(bool(r) for r in got) > 50


def test_a_cache_replaced_before_its_matcher_is_read_still_gives_that_matcher(tmp_path):
    """Another process's compile may replace the cache between the start and the first match:
    the matcher read is the one written with the watchlist read at start."""
    wl = tmp_path / "watch.yaml"
    wl.write_text(SMALL)
    cfg = _config(tmp_path, str(wl))
    load_runtime(cfg)
    rt = load_runtime(cfg, compile_later=True)
    assert not rt.matcher.compiled
    wl.write_text(SMALL.replace("[Acme Corp]", "[Globex Co]"))
    load_runtime(cfg)  # compiles the edit and replaces the cache file
    item = {"title": "Acme Corp buys Globex Co", "summary": ""}
    assert [h.text for m in rt.matcher.match(item).entities for h in m.hits] == ["Acme Corp"]
    assert rt.matcher.cached and rt.matcher.version == rt.watchlist.version


def test_a_cached_matcher_that_cannot_be_read_is_compiled_then_and_rewritten(
        tmp_path, compiles, matcher_reads, caplog):
    cfg = write_config(tmp_path, {"a": "http://127.0.0.1:9/a.xml"})
    load_runtime(cfg)
    cache = tmp_path / "monitor.db.watchlist-cache"
    reader = watchlist_cache.Cache(load_runtime(cfg).config.watchlists, cache)
    f = reader._open()
    assert f is not None
    with f:
        watchlist_cache._watchlist_from(f)
        end = f.tell()  # where the watchlist ends and the matcher begins
    cache.write_bytes(cache.read_bytes()[:end + 100])  # the matcher cut short
    rt = load_runtime(cfg, compile_later=True)  # the watchlist is whole: nothing said yet
    assert compiles == ["load", "compile"] and not rt.matcher.compiled
    with caplog.at_level(logging.WARNING, logger="monitor.watchlist_cache"):
        got = rt.matcher.match(ITEMS[0])
    assert "cannot be read" in caplog.text and str(cache) in caplog.text
    assert compiles == ["load", "compile", "compile"] and not rt.matcher.cached
    assert got == Matcher.compile(rt.watchlist).match(ITEMS[0])
    rt.save_compiled()  # as `poll-once` does at its end: the cache is whole again
    assert len(cache.read_bytes()) > end + 100
    again = load_runtime(cfg)
    assert compiles.count("compile") == 3  # the fresh compile above; none to read it back
    assert again.matcher.cached
