"""Extract the main text of an article page: HTML bytes → plain text. Pure, no network.

readability-lxml (a port of the Readability algorithm behind reader views) reads every page: it
scores the page's containers and keeps the best one whole (headings, short paragraphs and repeated
lines stay). Now and then it keeps too small a container (half an encyclopaedia article): when its
text holds less than ``SHARE`` of the words the page shows, trafilatura gives a second opinion.
trafilatura keeps the paragraphs it judges to be text, one by one: it rarely misses a part of the
story, but drops short blocks and headings, and sometimes keeps boilerplate around them.

The rule between the two (``choose``): when one text is contained (90% of its words) in the
other, the larger one is taken unless it is more than three times as long (then the extra is taken
for boilerplate); when they disagree, readability's container wins.

Cost: every run of whitespace in the page becomes one space before it is parsed, once (lxml),
and both extractors read that tree: a text's words do not change (inside ``<pre>`` neither), and
readability's length measures, which run regular expressions over the text of every candidate
container, stop spending most of their time in indentation. Elements a browser would not show
(``hidden``, ``aria-hidden``, ``display: none``, ``visibility: hidden``) are removed. Readability's
copy of the tree also loses what it would remove itself (scripts, styles, comments) and what holds
no story (form controls, frames, embedded objects).

Measured on the 130 pages of Mozilla Readability's test suite (token F1 of plain text against its
expected output; tests/test_extract.py, bench/extract.py for the figures and the CPU per page):
trafilatura ran on 28 of them; 27 ms of CPU a page against 63 for both extractors on every
page from two parses as before (35 against 77 in a run under heavier load), for the same median
and 10th percentile.
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
SHARE = 0.5  # readability's text holding less than this share of the page's words: ask trafilatura
WORD = re.compile(r"\w+")
_HIDDEN = etree.XPath(
    "//*[@hidden] | //*[@aria-hidden='true'] | "
    "//*[contains(translate(@style, ' ', ''), 'display:none')] | "
    "//*[contains(translate(@style, ' ', ''), 'visibility:hidden')]"
)
# what readability's copy of the page loses before it runs: never shown, or no story in it (form
# controls, embedded frames and objects); readability would clean most of it away itself, slowly
_UNSEEN = ("script", "style", "noscript", "template", "link", "svg", "button", "select",
           "input", "textarea", "iframe", "object", "embed", "canvas", etree.Comment,
           etree.ProcessingInstruction)
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


def page_tree(body: bytes, content_type: str = "") -> lxml.html.HtmlElement | None:
    """The page parsed once, what a browser hides removed, whitespace runs squeezed to one space
    (``None``: no page, nothing but whitespace or comments)."""
    text = " ".join(decode(body, content_type).split())  # words stay words, even in <pre>
    if not text:
        return None
    try:
        tree = lxml.html.document_fromstring(text.encode("utf-8", "replace"), parser=_UTF8)
    except etree.ParserError:
        return None
    for el in _HIDDEN(tree):
        if el.getparent() is not None:
            el.drop_tree()
    return tree


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


def doubtful(readability_words: int, page_words: int, share: float = SHARE) -> bool:
    """Whether readability's text may be too small a part of the story: it holds less than
    ``share`` of the words the page shows (an empty text always is, on a page with words)."""
    return page_words > 0 and readability_words < share * page_words


def extract(body: bytes, content_type: str = "", *, share: float = SHARE) -> str:
    """The main text of an HTML page ("" when there is none). ``share``: see ``doubtful``
    (0: readability alone; ``math.inf``: both extractors on every page)."""
    tree = page_tree(body, content_type)
    if tree is None:
        return ""
    mine = copy.deepcopy(tree)  # readability rewrites the tree it reads
    etree.strip_elements(mine, *_UNSEEN, with_tail=False)
    page = mine.find("body")
    page_words = len(WORD.findall((page if page is not None else mine).text_content()))
    text = _readability(mine)
    if not doubtful(len(WORD.findall(text)), page_words, share):
        return text
    return choose(text, _trafilatura(tree))
