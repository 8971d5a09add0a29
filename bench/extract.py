"""Article extraction on Mozilla Readability's 130 test pages: token F1 against expected.html,
and where a page's CPU goes.

    .venv/bin/python bench/extract.py

First table: median and 10th percentile of token F1 (all pages, news pages), CPU ms per page and
how many pages ran trafilatura, for trafilatura out of the box, readability-lxml out of the box,
and monitor.extract with readability alone (share 0), with the second opinion when readability's
text holds less than half the page's words (share 0.5: what the daemon runs) and with both
extractors on every page (share inf). Second table: the CPU of each stage of monitor.extract,
summed over the pages. CPU is the process's (``time.process_time``), so other load on the machine
changes it less than it changes wall time.
"""

from __future__ import annotations

import copy
import math
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import lxml.html
from lxml import etree

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from test_extract import CORPUS, NEWS, f1, p10  # noqa: E402

from monitor import extract as ex  # noqa: E402


def trafilatura_default(body: bytes) -> str:
    import trafilatura

    return trafilatura.extract(body) or ""


def readability_default(body: bytes) -> str:
    from readability import Document

    html = Document(ex.decode(body)).summary(html_partial=True)
    return ex.plain_text(lxml.html.fragment_fromstring(html, create_parent="div"))


def with_share(share: float) -> Callable[[bytes], str]:
    return lambda body: ex.extract(body, share=share)


METHODS: dict[str, Callable[[bytes], str]] = {
    "trafilatura 2.3 defaults": trafilatura_default,
    "readability-lxml 0.9 defaults": readability_default,
    "monitor: readability (share 0)": with_share(0.0),
    f"monitor: cascade (share {ex.SHARE})": with_share(ex.SHARE),
    "monitor: both always (share inf)": with_share(math.inf),
}


def stages(body: bytes, spent: Counter[str]) -> None:
    """monitor.extract's steps one by one (the same calls), each timed."""
    def timed(name: str, fn: Callable[[], object]) -> object:
        t = time.process_time()
        out = fn()
        spent[name] += time.process_time() - t
        return out

    text = timed("decode, whitespace", lambda: " ".join(ex.decode(body).split()))
    tree = timed("parse (lxml)", lambda: lxml.html.document_fromstring(
        str(text).encode("utf-8", "replace"), parser=ex._UTF8))

    def hide() -> None:
        for el in ex._HIDDEN(tree):
            if el.getparent() is not None:
                el.drop_tree()

    timed("hidden elements", hide)

    def copy_strip_count() -> tuple[object, int]:
        mine = copy.deepcopy(tree)
        etree.strip_elements(mine, *ex._UNSEEN, with_tail=False)
        page = mine.find("body")
        return mine, len(ex.WORD.findall((page if page is not None else mine).text_content()))

    mine, page_words = timed("copy, strip, count", copy_strip_count)  # type: ignore[misc]
    from readability import Document

    html = timed("readability", lambda: Document(mine).summary(html_partial=True))
    got = timed("html to text", lambda: ex.plain_text(
        lxml.html.fragment_fromstring(str(html), create_parent="div")))
    if ex.doubtful(len(ex.WORD.findall(str(got))), page_words):
        timed("trafilatura (when doubtful)", lambda: ex._trafilatura(tree))


def main() -> None:
    pages = sorted(p for p in CORPUS.iterdir() if (p / "source.html").is_file())
    refs, bodies = {}, {}
    for p in pages:
        html = (p / "expected.html").read_bytes().decode("utf-8", "replace")
        refs[p.name] = ex.plain_text(lxml.html.fragment_fromstring(html, create_parent="div"))
        bodies[p.name] = (p / "source.html").read_bytes()
    print(f"{len(pages)} pages ({len(NEWS)} news); token F1 against Readability's expected.html; "
          "CPU ms per page")
    print(f"{'extractor':34} {'median':>7} {'p10':>7} {'news med':>9} {'news p10':>9} "
          f"{'ms/page':>8} {'traf. ran':>9}")
    scores: dict[str, dict[str, float]] = {name: {} for name in METHODS}
    spent: Counter[str] = Counter()
    calls: Counter[str] = Counter()
    real = ex._trafilatura
    current = ""

    def counted(tree: lxml.html.HtmlElement) -> str:
        calls[current] += 1
        return real(tree)

    ex._trafilatura = counted  # type: ignore[assignment]  # counts; the same extractor runs
    try:
        for page, body in bodies.items():  # each page by every method in turn: the same load
            for name, fn in METHODS.items():
                current = name
                t = time.process_time()
                text = fn(body)
                spent[name] += time.process_time() - t
                scores[name][page] = f1(text, refs[page])
    finally:
        ex._trafilatura = real  # type: ignore[assignment]
    for name in METHODS:
        allv = list(scores[name].values())
        news = [v for k, v in scores[name].items() if k in NEWS]
        ran = f"{calls[name]}" if name.startswith("monitor") else "-"
        print(f"{name:34} {statistics.median(allv):7.3f} {p10(allv):7.3f} "
              f"{statistics.median(news):9.3f} {p10(news):9.3f} "
              f"{1000 * spent[name] / len(pages):8.1f} {ran:>9}")
    spent_by: Counter[str] = Counter()
    for body in bodies.values():
        stages(body, spent_by)
    total = sum(spent_by.values())
    print(f"\nwhere monitor.extract's CPU goes (share {ex.SHARE}), ms per page over "
          f"{len(pages)} pages")
    for name, s in spent_by.items():
        print(f"  {name:30} {1000 * s / len(pages):6.1f}  {100 * s / total:5.1f}%")
    print(f"  {'total':30} {1000 * total / len(pages):6.1f}")


if __name__ == "__main__":
    main()
