"""Full text benchmark: a poll of N feeds with 3 new items each, with and without articles.

    .venv/bin/python bench/articles.py            # N=500, REPS=3
    N=50 REPS=1 .venv/bin/python bench/articles.py   # a smoke run

Feeds (10 items, then 3 more each) are written under /tmp/monitor-bench-articles-N{N}/ and
served with the kit's serve.sh (nginx) on 127.0.0.1:PORT [18495], with the item links pointing
at article pages on the same server: the 130 real pages of ../shared/corpus/articles/readability
(symlinked, never copied), in turn, so the pages are real in size and shape. A setup poll with
articles off makes the 10 first items known; then each repetition copies that database and runs
`monitor poll-once` after the +3 items, once with `article.fetch` off and once on (parse_workers
1; article.rate 1000/s so that the global rate limit, 5/s by default, is not what is measured),
each in a fresh process measured by bench/measure.py (wall, CPU of the tree and of the daemon
process alone, peak summed RSS). poll-once prints the time until every feed was polled (the poll)
and then works the article queue until it is empty (the articles, extracted in as many processes
as the parser workers plus one: the feeds are parsed by then), so one run reports every reading
of the issue's target (<= 1.3x): the poll's latency, and the whole run's CPU and wall.
A last run with pages of 1.9 MB each (just under the 2 MB article size limit; BIG_N [20] feeds,
0 to skip) shows the memory.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import statistics
import subprocess
import sys
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

import measure  # noqa: E402

SHARED = Path(os.environ.get("MONITOR_SHARED", REPO.parent / "shared")).resolve()
PAGES = SHARED / "corpus" / "articles" / "readability"
KIT = SHARED / "bench"
MONITOR_PY = str(REPO / ".venv" / "bin" / "python")
SUMMARY = re.compile(r"polled (\d+) feeds in ([\d.]+)s")
RATE = 1000  # article.rate for the benchmark: 1,500 pages at the default 5/s would take 300 s
ARTICLES = re.compile(r"articles: (\d+) fetched, (\d+) reused, (\d+) failed, (\d+) skipped "
                      r"in ([\d.]+)s")


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def rss(port: int, feed: int, items: range, now: datetime) -> str:
    out = []
    for n in reversed(items):
        link = f"http://127.0.0.1:{port}/a/{feed}/{n}.html"
        out.append(f"<item><guid isPermaLink='false'>f{feed}-{n}</guid>"
                   f"<title>Feed {feed} story {n}</title><link>{link}</link>"
                   f"<pubDate>{format_datetime(now - timedelta(minutes=100 - n))}</pubDate>"
                   f"<description>Short summary of story {n} of feed {feed}.</description></item>")
    return ("<?xml version='1.0' encoding='utf-8'?><rss version='2.0'><channel>"
            f"<title>feed {feed}</title><link>http://127.0.0.1:{port}/</link>"
            + "".join(out) + "</channel></rss>\n")


def make_corpus(root: Path, n: int, port: int, big: bool) -> None:
    """gen0: 10 items per feed; gen1: 13. Article pages: real pages in turn (or 1.9 MB ones)."""
    shutil.rmtree(root, ignore_errors=True)
    pages = sorted(p / "source.html" for p in PAGES.iterdir() if (p / "source.html").is_file())
    if big:
        filler = b"<p>" + b"Filler paragraph of a very long page. " * 50 + b"</p>\n"
        body = pages[0].read_bytes()
        at = body.rfind(b"</body>")
        big_page = root / "big.html"
        root.mkdir(parents=True)
        big_page.write_bytes(body[:at] + filler * (1_900_000 // len(filler)) + body[at:])
        pages = [big_page]
    now = datetime.now(UTC)
    k = 0
    for gen, count in (("gen0", 10), ("gen1", 13)):
        for f in range(n):
            d = root / gen / "a" / str(f)
            d.mkdir(parents=True, exist_ok=True)
            (root / gen / f"feed{f}.xml").write_text(rss(port, f, range(count), now))
            for i in range(count):
                (d / f"{i}.html").symlink_to(pages[k % len(pages)])
                k += 1


def write_config(state: Path, port: int, n: int, articles: bool) -> Path:
    state.mkdir(parents=True, exist_ok=True)
    lines = [
        "paths:",
        f"  database: {json.dumps(str(state / 'monitor.db'))}",
        f"  alert_log: {json.dumps(str(state / 'alerts.jsonl'))}",
        f"watchlists: [{json.dumps(str(REPO / 'seeds' / 'cartel-de-los-soles.yaml'))}]",
        "allow_private_networks: true",
        "http: {enabled: false}",
        "log: {level: warning, format: json}",
        "defaults:",
        "  parse_workers: 1",
        f"  article: {{fetch: {'true' if articles else 'false'}, rate: {RATE}}}",
        "feeds:",
    ]
    lines += [f"  - {{id: f{f:05d}, url: 'http://127.0.0.1:{port}/feed{f}.xml'}}"
              for f in range(n)]
    path = state / "monitor.yaml"
    path.write_text("\n".join(lines) + "\n")
    return path


def flip(root: Path, gen: str) -> None:
    live = root / "live"
    if live.is_symlink():
        live.unlink()
    live.symlink_to(root / gen)


def poll(state: Path) -> dict:
    argv = [MONITOR_PY, "-m", "monitor", "poll-once", "--config", str(state / "monitor.yaml")]
    m = measure.run(argv, cwd=str(state))
    if m.rc:
        raise SystemExit(f"poll-once failed: {m.stderr[-2000:]}")
    out = {"wall": m.wall_s, "cpu": m.cpu_s, "rss": m.tree_rss_mb, "main_cpu": m.main_cpu_s,
           "workers_cpu": m.cpu_s - m.main_cpu_s}
    s = SUMMARY.search(m.stdout)
    out["poll"] = float(s.group(2)) if s else float("nan")
    a = ARTICLES.search(m.stdout)
    out["fetched"] = int(a.group(1)) if a else 0
    out["failed"] = int(a.group(3)) if a else 0
    out["articles_s"] = float(a.group(5)) if a else 0.0
    return out


def run(n: int, reps: int, port: int, big: bool) -> dict[str, list[dict]]:
    root = Path(f"/tmp/monitor-bench-articles-N{n}{'-big' if big else ''}")
    make_corpus(root, n, port, big)
    flip(root, "gen0")
    subprocess.run(["bash", str(KIT / "serve.sh"), "--stop", str(port)], capture_output=True)
    r = subprocess.run(["bash", str(KIT / "serve.sh"), str(root / "live"), str(port)],
                       capture_output=True, text=True)
    if r.returncode:
        raise SystemExit(f"server did not start: {r.stdout}{r.stderr}")
    try:
        base = root / "base"
        write_config(base, port, n, articles=False)
        poll(base)  # the first 10 items of every feed are known
        flip(root, "gen1")
        results: dict[str, list[dict]] = {"off": [], "on": []}
        for rep in range(reps):
            for mode in (("off", "on") if rep % 2 == 0 else ("on", "off")):
                state = root / f"state-{mode}"
                shutil.rmtree(state, ignore_errors=True)
                shutil.copytree(base, state)
                write_config(state, port, n, articles=mode == "on")
                results[mode].append(poll(state))
                log(f"rep {rep} {mode}: {results[mode][-1]}")
        return results
    finally:
        subprocess.run(["bash", str(KIT / "serve.sh"), "--stop", str(port)], capture_output=True)


def med(rows: list[dict], key: str) -> float:
    return statistics.median(r[key] for r in rows)


def main() -> None:
    n = int(os.environ.get("N", 500))
    reps = int(os.environ.get("REPS", 3))
    port = int(os.environ.get("PORT", 18495))
    res = run(n, reps, port, big=False)
    off, on = res["off"], res["on"]
    print(f"{n} feeds x 3 new items, article pages from {PAGES.name} "
          f"(real pages, median of {reps}; loopback nginx; {os.cpu_count()} cores)")
    print(f"article.rate set to {RATE} pages/s for this run (the default is 5/s): the global rate "
          "limit is not what is measured")
    print(f"{'':36} {'articles off':>13} {'articles on':>13} {'ratio':>7}")
    rows = (("poll: every feed polled (s)", "poll"), ("whole run, wall (s)", "wall"),
            ("whole run, CPU of the tree (s)", "cpu"),
            ("  of which the daemon process (s)", "main_cpu"),
            ("  of which its worker processes (s)", "workers_cpu"),
            ("peak summed RSS of the tree (MB)", "rss"))
    for label, key in rows:
        a, b = med(off, key), med(on, key)
        print(f"{label:36} {a:13.2f} {b:13.2f} {b / a:7.2f}x")
    fetched = med(on, "fetched")
    per = max(fetched, 1)
    print(f"articles fetched {fetched:.0f} (failed {med(on, 'failed'):.0f}) in "
          f"{med(on, 'articles_s'):.2f}s after the poll; per article: "
          f"{1000 * (med(on, 'cpu') - med(off, 'cpu')) / per:.1f} ms of CPU "
          f"({1000 * (med(on, 'main_cpu') - med(off, 'main_cpu')) / per:.1f} in the daemon "
          f"process: fetch, match, store; "
          f"{1000 * (med(on, 'workers_cpu') - med(off, 'workers_cpu')) / per:.1f} in the "
          f"workers: extraction), {1000 * med(on, 'articles_s') / per:.1f} ms of wall")
    print("target, a poll with articles costs at most 1.3x the same poll without:")
    for label, key in (("the poll's latency (feeds polled)", "poll"),
                       ("the whole run's CPU (articles included)", "cpu"),
                       ("the whole run's wall (articles included)", "wall")):
        ratio = med(on, key) / med(off, key)
        print(f"  {label:42} {ratio:6.2f}x  {'met' if ratio <= 1.3 else 'missed'}")
    big_n = int(os.environ.get("BIG_N", 20))
    if big_n:
        big = run(big_n, 1, port, big=True)
        b_off, b_on = big["off"][0], big["on"][0]
        print(f"large pages (1.9 MB each, {big_n} feeds x 3): peak summed RSS "
              f"{b_off['rss']:.0f} MB off, {b_on['rss']:.0f} MB on; "
              f"{b_on['fetched']} fetched, {b_on['failed']} failed")


if __name__ == "__main__":
    main()
