"""Article extraction on Mozilla Readability's 130 test pages: token F1 against expected.html.

    .venv/bin/python bench/extract.py

Prints median and 10th percentile of token F1 (all pages, news pages) and the time per page for
trafilatura out of the box, readability-lxml alone and monitor.extract (both, combined).
"""

from __future__ import annotations

import statistics
import sys
import time
from pathlib import Path

import lxml.html

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO / "tests"))

from test_extract import CORPUS, NEWS, f1, p10  # noqa: E402

from monitor import extract as ex  # noqa: E402


def trafilatura_default(body: bytes) -> str:
    import trafilatura

    return trafilatura.extract(body) or ""


def readability_alone(body: bytes) -> str:
    from readability import Document

    html = Document(ex.decode(body)).summary(html_partial=True)
    return ex.plain_text(lxml.html.fragment_fromstring(html, create_parent="div"))


METHODS = {
    "trafilatura 2.3 defaults": trafilatura_default,
    "readability-lxml alone": readability_alone,
    "monitor.extract (both + rule)": ex.extract,
}


def main() -> None:
    pages = sorted(p for p in CORPUS.iterdir() if (p / "source.html").is_file())
    refs = {}
    for p in pages:
        html = (p / "expected.html").read_bytes().decode("utf-8", "replace")
        refs[p.name] = ex.plain_text(lxml.html.fragment_fromstring(html, create_parent="div"))
    print(f"{len(pages)} pages ({len(NEWS)} news); token F1 against Readability's expected.html")
    print(f"{'extractor':32} {'median':>7} {'p10':>7} {'news med':>9} {'news p10':>9} "
          f"{'ms/page':>8}")
    for name, fn in METHODS.items():
        scores, spent = {}, 0.0
        for p in pages:
            body = (p / "source.html").read_bytes()
            t = time.perf_counter()
            text = fn(body)
            spent += time.perf_counter() - t
            scores[p.name] = f1(text, refs[p.name])
        allv = list(scores.values())
        news = [v for k, v in scores.items() if k in NEWS]
        print(f"{name:32} {statistics.median(allv):7.3f} {p10(allv):7.3f} "
              f"{statistics.median(news):9.3f} {p10(news):9.3f} {1000 * spent / len(pages):8.1f}")


if __name__ == "__main__":
    main()
