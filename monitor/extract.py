"""Extract the main text of an article page: HTML bytes → plain text. Pure, no network.

Two maintained extractors read the page, and a rule picks between them:

- readability-lxml (a port of the Readability algorithm behind reader views) scores the page's
  containers and keeps the best one whole: headings, short paragraphs and repeated lines stay,
  but now and then it keeps too small a container (half an encyclopaedia article);
- trafilatura keeps the paragraphs it judges to be text, one by one: it rarely misses a part of
  the story, but drops short blocks and headings, and sometimes keeps boilerplate around them.

The rule (``choose``): when one text is contained (90% of its words) in the other, the larger one
is taken unless it is more than three times as long (then the extra is taken for boilerplate);
when they disagree, readability's container wins. Elements a browser would not show (``hidden``,
``aria-hidden``, ``display: none``, ``visibility: hidden``) are removed before either runs.

Measured on the 130 pages of Mozilla Readability's test suite (token F1 of plain text against
its expected output, tests/test_extract.py): this rule gives median 0.998 and 10th percentile
0.940; trafilatura alone (defaults) 0.984 / 0.676, readability-lxml alone 0.996 / 0.934.
"""

from __future__ import annotations

import codecs
import copy
import re
from collections import Counter

import lxml.html
from lxml import etree

CONTAINED = 0.9  # share of one text's words found in the other for it to count as inside
LONGER = 3.0  # a containing text longer than this many times the other is boilerplate
WORD = re.compile(r"\w+")
_HIDDEN = etree.XPath(
    "//*[@hidden] | //*[@aria-hidden='true'] | "
    "//*[contains(translate(@style, ' ', ''), 'display:none')] | "
    "//*[contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
_BLOCKS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 tr table blockquote pre section article header footer "
    "figure figcaption dd dt dl hr main aside".split()
)
_UTF8 = lxml.html.HTMLParser(encoding="utf-8")
_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([a-zA-Z0-9_.:-]+)""", re.I)


def words(text: str) -> Counter[str]:
    """The text's lower-cased words, counted (the unit of the containment rule and of F1)."""
    return Counter(WORD.findall(text.lower()))


def _codec(name: str | None) -> str | None:
    if not name:
        return None
    try:
        return codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None


def decode(body: bytes, content_type: str = "") -> str:
    """The page as text: the charset of the Content-Type header; else UTF-8 when the bytes are
    valid UTF-8 (saved and re-served pages often keep a stale ``<meta charset>``); else the
    ``<meta>`` charset of the first 4 KB; else windows-1252, as browsers do. Undecodable bytes
    become U+FFFD."""
    for part in content_type.split(";")[1:]:
        key, _, value = part.partition("=")
        charset = _codec(value) if key.strip().lower() == "charset" else None
        if charset:
            return body.decode(charset, "replace")
    try:
        return body.decode("utf-8")
    except UnicodeDecodeError:
        pass
    m = _CHARSET.search(body[:4096])
    charset = _codec(m.group(1).decode("ascii")) if m else None
    return body.decode(charset or "cp1252", "replace")


def plain_text(element: etree._Element) -> str:
    """Visible text of an element, one line per block element, spaces squeezed."""
    parts: list[str] = []

    def walk(el: etree._Element) -> None:
        tag = el.tag if isinstance(el.tag, str) else ""
        if tag in ("script", "style", "noscript", "template"):
            if el.tail:
                parts.append(el.tail)
            return
        block = tag.lower() in _BLOCKS
        if block:
            parts.append("\n")
        if el.text and tag:
            parts.append(el.text)
        for child in el:
            walk(child)
        if block:
            parts.append("\n")
        if el.tail:
            parts.append(el.tail)

    walk(element)
    lines = (" ".join(line.split()) for line in "".join(parts).split("\n"))
    return "\n".join(line for line in lines if line)


def _readability(tree: lxml.html.HtmlElement) -> str:
    from readability import Document  # imported where used: parser workers load it on demand
    from readability.readability import Unparseable

    try:
        html = Document(tree).summary(html_partial=True)
    except Unparseable:
        return ""
    if not html.strip():
        return ""
    return plain_text(lxml.html.fragment_fromstring(html, create_parent="div"))


def _trafilatura(tree: lxml.html.HtmlElement) -> str:
    import trafilatura

    return trafilatura.extract(
        tree, include_comments=False, favor_recall=True, deduplicate=False,
        include_images=False, with_metadata=False,
    ) or ""


def _inside(a: Counter[str], b: Counter[str]) -> bool:
    n = a.total()
    return n > 0 and (a & b).total() >= CONTAINED * n


def choose(readability: str, trafilatura: str) -> str:
    """The combination rule (see the module docstring): pure, on the two extracted texts."""
    r, t = words(readability), words(trafilatura)
    nr, nt = r.total(), t.total()
    if not nr or not nt:
        return readability if nr else trafilatura
    if _inside(t, r) and nr <= LONGER * nt:
        return readability
    if _inside(r, t) and nt <= LONGER * nr:
        return trafilatura
    if _inside(t, r):  # readability's is far larger: the extra is boilerplate
        return trafilatura
    return readability


def extract(body: bytes, content_type: str = "") -> str:
    """The main text of an HTML page ("" when there is none)."""
    text = decode(body, content_type)
    if not text.strip():
        return ""
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=_UTF8)
    except etree.ParserError:  # nothing but whitespace or comments
        return ""
    for el in _HIDDEN(tree):
        if el.getparent() is not None:
            el.drop_tree()
    return choose(_readability(copy.deepcopy(tree)), _trafilatura(tree))
