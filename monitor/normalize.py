"""Pure functions: ParsedFeed → Items. Plain text, canonical links, UTC times, stable keys.

Entry key chain (per feed): the entry's id/guid, else its canonical link, else a hash of the
folded title and summary. The story hash (folded title + summary) lets the store notice the same
story in another feed under another URL.
"""

from __future__ import annotations

import functools
import html
import re
import unicodedata
from collections.abc import Mapping
from html.parser import HTMLParser
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

from monitor.asciifold import AsciiFolding
from monitor.digests import sha256
from monitor.types import Item, ParsedFeed, RawEntry

# Tags whose text is never shown to a reader.
_SKIP_TAGS = frozenset({"script", "style", "head", "title", "template", "noscript", "iframe"})
# Tags that end a line of text: their boundaries become whitespace so words never glue together.
_BLOCK_TAGS = frozenset(
    {
        "address", "article", "aside", "blockquote", "br", "dd", "div", "dl", "dt", "figcaption",
        "figure", "footer", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr", "img", "li",
        "main", "nav", "ol", "p", "pre", "section", "table", "tbody", "td", "tfoot", "th",
        "thead", "tr", "ul",
        # a ruby annotation (a reading, a pronunciation: ``hutíes<rt>u-TÍ-es</rt>``) is not part
        # of the word it annotates; set apart, as a line of its own, the word stays whole (its
        # end tag may be left out, so it is not skipped: that could drop the rest of the text)
        "rt", "rp",
    }
)

_TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "mc_cid", "mc_eid", "yclid",
        "igshid", "_hsenc", "_hsmi", "mkt_tok", "ocid", "cmpid", "ito", "spm", "smid", "sref",
    }
)
_TRACKING_PREFIXES = ("utm_", "at_", "__twitter", "ga_")

_WS = r"\t\r\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000"  # white space but " " and "\n"
# runs of white space that are not already one plain space (a lone " " is left alone: most of
# them, so the substitution is 2-3x faster on long texts than replacing every run)
_SPACES = re.compile(rf" [ {_WS}]+|[{_WS}][ {_WS}]*")
_WS_CHAR = re.compile(f"[{_WS}]")
# Terminal escape sequences, removed whole so that their parameters do not glue to the next word
# (``\x1b[31mMS-13`` is ``MS-13``, not ``[31mMS-13``): CSI (``ESC [`` or C1 ``\x9b``, parameters,
# one final byte), OSC/DCS/SOS/PM/APC strings up to their terminator (BEL or ST; at most 512
# characters, an unterminated one loses only its introducer) and the other two-byte escapes.
# Then the characters a stored text never keeps: C0 controls but tab, LF and CR, DEL, C1
# controls and the bidirectional embeddings, overrides, isolates and marks; and the invisible
# zero-width space, word joiner and byte-order mark, which a reader does not see either (a name
# they split, "Ma\u200bduro", reads as one word; two words they join read as one too).
_CONTROL = re.compile(
    "(?:\x1b\\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    "|(?:\x1b[\\]P^_X]|[\x90\x98\x9d\x9e\x9f])[^\x07\x1b\x9c]{0,512}(?:\x07|\x1b\\\\|\x9c)"
    "|\x1b[\x20-\x2f]*[\x30-\x7e]"
    "|[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u200b\u2060\ufeff]"
)
# ... and what is left of a colour code or a cursor or erase code whose escape byte a feed dropped
# before us, right before a name ("[1;31mTren de Aragua", "[0mMS-13", "[2KCártel de Sinaloa",
# "[2J[HTren de Aragua", "[K[33mTren de Aragua", "[?25lTrump"): only before a capital, a quote
# or another such code, never after a letter or digit ("a wall [3m tall]" keeps its words); a
# cursor or erase code has a number ("[2K"), or follows another such code ("[H" in "[2J[H"), or
# is followed by a numbered one ("[K" in "[K[33m"), or is glued to a capitalised word ("[KTren de
# Aragua", "[AHouthis": a word of its own starts with a capital and goes on in small letters) or
# to an acronym with its number ("[KMS-13"): "[AP]", "[HRW]", "[K]", "[Gaza]" stay
_CODE_PARAMS = "[0-9]{1,3}(?:[;:][0-9]{1,3}){0,4}"  # "38;5;196" or "38:5:196" (a 256-colour)
_CODE_REMNANT = re.compile(  # "[" first, for the engine's quick search; then what came before it
    "\\[(?:(?<![A-Za-z0-9]\\[)|(?<=[0-9][A-HJKSTfmhl]\\[)|(?<=\\[[A-HJKsum]\\[))"
    f"(?:(?:{_CODE_PARAMS})?m|{_CODE_PARAMS}[A-HJKSTf]|(?<=[0-9][A-HJKSTfm]\\[)[A-HJK]"
    # a bare cursor or erase code ("[K", "[H"; "[s", the cursor saved) right before a numbered
    # one: "[K[33mTren", "[s[1;1HRubio"
    f"|[A-HJKsu](?=\\[{_CODE_PARAMS}[A-HJKSTfm])|[A-HJK](?=[A-Z\u00c0-\u00de][a-z\u00df-\u00ff])"
    # ... or glued to an acronym with its number ("[KMS-13 leader's", "[HCJNG-2"): a code the
    # acronym cannot be part of ("[AP]", "[HRW]" stay)
    "|[A-HJK](?=[A-Z]{2,}-?[0-9])"
    # ... or to an acronym of three capitals or more that no "]" closes on its line ("[KSOUTHCOM
    # logistics ship"): "[ALERTA ROJA] Trump", "[BREAKING]", "[AFP]" stay
    "|[A-HJK](?=[A-Z]{3,}(?![A-Z\\]])(?![^\\]\n]*\\]))"
    # a private mode set or reset ("[?25l", the cursor hidden; "[?1049h")
    "|\\?[0-9]{1,4}[hl])"
    "(?=[A-Z\u00c0-\u00de\"'\u201c\u00ab#@\\[])"
)
# ... and a colour code's remnant glued to a word in small letters ("[33mataque de EE. UU.",
# "[1mstrike"), where the word then ends as a word does: "[10mg]", "[1mile]" stay
_COLOUR_REMNANT = re.compile(
    "\\[(?<![A-Za-z0-9]\\[)[0-9]{1,2}(?:;[0-9]{1,3}){0,4}m"
    "(?=[a-z\u00df-\u00ff]+(?:[\\s,.;:!?\"')]|$))")
_ESCAPE_WRITTEN = re.compile(r"(?:\u241b|\\u001[bB]|\\x1[bB]|\\033|\\e)\["
                             r"|(?:ESC|\^\[)\[(?=[0-9;?]{0,12}[A-HJKSTfmhl])")
_CONTROL_CHAR = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069"
    "\u200b\u2060\ufeff]"
)  # a quick test: every sequence above starts with one of these
# Mojibake: UTF-8 text that some system on the way read as Windows-1252 or Latin-1 ("LÃ³pez",
# "Venezuelaâ€™s", "soberanÃ\xada", twice over "ÃƒÂ¡"). A character of those code pages stands
# for one byte; a UTF-8 lead byte's character followed by as many continuation bytes' as it
# announces is read back as the one character it was, sequence by sequence, where that is a
# character of Western text: a Latin-1 or Latin Extended-A letter, Romanian's comma-below
# letters, or another character of Windows-1252 (dashes, quotes, bullets, ellipsis, euro).
# Real text in these languages does not spell such pairs (the leads are Â, Ã, Ä, Å, Æ, È, Ë and
# â, each followed by a mark or a symbol), and the check refuses the rest ("Ë»" stays). ftfy
# repairs this and more; in a parser worker it costs 6-7 MB (its wcwidth tables) for the one
# case that news feeds carry.
_CP1252 = bytes(range(0x80, 0x100)).decode("cp1252", "replace")
_BYTE_OF = {c: 0x80 + i for i, c in enumerate(_CP1252) if c != "\ufffd"}
_BYTE_OF.update((chr(b), b) for b in range(0x80, 0x100))  # Latin-1 (C1 controls included)
_CONT = "".join(sorted(c for c, b in _BYTE_OF.items() if b < 0xC0))
# the lead bytes of those characters: C2-C6, C8 and CB (two bytes), E2 (three)
_LEADS_OF_TWO = "\u00c2\u00c3\u00c4\u00c5\u00c6\u00c8\u00cb"
_LEADS = _LEADS_OF_TWO + "\u00e2"
_MOJIBAKE = re.compile(f"[{_LEADS_OF_TWO}][{_CONT}]|\u00e2[{_CONT}]{{2}}")
_WESTERN = re.compile("[\u00a0-\u017f\u0192\u0218-\u021b\u02c6\u02dc\u2010-\u2044\u20ac\u2122]")


def _mojibake_leads(text: str) -> bool:
    """Whether ``text`` has a character mojibake starts with (a substring search each, far
    quicker than the regular expression over a long body without any)."""
    return any(lead in text for lead in _LEADS)


def _unmojibake_one(m: re.Match[str], targets: re.Pattern[str] = _WESTERN) -> str:
    seq = m.group()
    char = bytes(_BYTE_OF[c] for c in seq).decode("utf-8")  # these leads' sequences all are
    return char if targets.fullmatch(char) else seq


# a text garbled twice holds, once read back, the bytes of the once-garbled text: C1 controls
# among them ("Ý" is C3 9D, garbled "Ã\x9d", twice "ÃƒÂ\x9d")
_WESTERN_OR_C1 = re.compile(f"[\u0080-\u009f]|{_WESTERN.pattern}")
_C1 = re.compile("[\u0080-\u009f]")


def _unmojibake_once(m: re.Match[str]) -> str:
    return _unmojibake_one(m, _WESTERN_OR_C1)


def unmojibake(text: str) -> str:
    """``text`` with UTF-8 read as Windows-1252 or Latin-1 read back (a text garbled twice or
    three times comes back in as many passes); any other text as it is. A pass may give back a
    C1 control (a byte of the text garbled once less); if one is left at the end that was not in
    ``text``, the passes are made again without that."""
    for fix in (_unmojibake_once, _unmojibake_one):
        fixed = text
        for _ in range(3):
            again = _MOJIBAKE.sub(fix, fixed)
            if again == fixed:
                break
            fixed = again
        if len(_C1.findall(fixed)) <= len(_C1.findall(text)):
            break
    return fixed


# A title that is a URL's percent-encoded slug ("c%C3%A1rtel-de-los-soles-la-fiscal%C3%ADa"):
# runs of escapes that spell UTF-8 multibyte characters (a lead byte C2-F4, its continuation
# bytes) are read back; "%20", "50%" and any other percent sign stay as written.
_UTF8_ESCAPED = ("(?:[cdCD][0-9a-fA-F]%[89abAB][0-9a-fA-F]"
                 "|[eE][0-9a-fA-F](?:%[89abAB][0-9a-fA-F]){2}"
                 "|[fF][0-4](?:%[89abAB][0-9a-fA-F]){3})")
_PERCENT_UTF8 = re.compile(f"%{_UTF8_ESCAPED}(?:%{_UTF8_ESCAPED})*")  # "%" first: a quick search
# The same bytes written as quoted-printable ("Nicol=C3=A1s Maduro"): a newsletter's HTML or an
# e-mail relayed to a feed without its transfer encoding undone. Only the runs that spell UTF-8
# multibyte characters are read back; "x=2", "=3D" and "a=C3" alone stay as written.
_QP_ESCAPED = _UTF8_ESCAPED.replace("%", "=")
_QP_UTF8 = re.compile(f"={_QP_ESCAPED}(?:={_QP_ESCAPED})*")  # "=" first, as above


def _unpercent(m: re.Match[str]) -> str:
    """A run of ``_PERCENT_UTF8`` or ``_QP_UTF8`` read back."""
    try:
        return bytes.fromhex(m.group().replace(m.group()[0], "")).decode("utf-8")
    except UnicodeDecodeError:  # C0/C1 leads and overlong forms: not UTF-8, left as written
        return m.group()


# A JSON string's escapes left in the text by a feed built from JSON ("C\u00e1rtel de
# Sinaloa"): a letter, a mark or a symbol above ASCII (a surrogate pair joined), read back;
# ASCII and control characters stay as written (the escape of ESC is read below, with its
# sequence), so "\u0041" in a post about code is not rewritten.
_JSON_ESCAPED = re.compile(r"\\u(d[89ab][0-9a-f]{2})\\u(d[c-f][0-9a-f]{2})|\\u([0-9a-f]{4})",
                           re.IGNORECASE)


def _unjson(m: re.Match[str]) -> str:
    if m.group(3) is None:
        high, low = int(m.group(1), 16), int(m.group(2), 16)
        return chr(0x10000 + ((high - 0xD800) << 10) + (low - 0xDC00))
    code = int(m.group(3), 16)
    if code < 0xA0 or 0xD800 <= code < 0xE000:
        return m.group()
    return chr(code)


# Entities left after one decoding (feeds that escape their markup twice: ``&amp;#39;``).
_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")


# Boxes a CMS or a plugin puts inside an article's body, around links to other articles: related
# posts, most read, read also, tags, share and newsletter boxes. Their headlines are not the
# article's text: a name in "Related: Maduro's trial opens" under a weather story is not what the
# story says. Found by the container's class or id (the plugins' own names: jp-relatedposts,
# yarpp-related, crp_related, mais-lidas, post-tags) or by a heading that opens it ("Related:",
# "Lee también:", "Leia também", "Most read", "Tags: ...").
_BOX_CONTAINERS = frozenset({"div", "section", "aside", "nav", "ul", "ol", "p", "footer"})
_BOX_ATTR = re.compile(
    r"related|relacionad|relacionat|mais-?lid|most-?(?:read|popular|viewed)|mas-?leid|"
    r"popular|trending|tambi[eé]n|tamb[eé]m|read-?(?:also|more|next)|see-?also|"
    r"more-?(?:stories|news|from)|(?:^|[\s_-])(?:tags?|temas|topics)(?:$|[\s_-])|"
    r"tag-?(?:list|cloud)|etiquetas|"
    r"share|sharing|social|newsletter|subscri|suscri|assin|promo|recommend|recomend|"
    r"sidebar|advert|sponsor|patrocin|outbrain|taboola|yarpp",
    re.IGNORECASE,
)
_BOX_HEADING = re.compile(
    r"(?:related(?: stories| articles| posts| news| coverage| content)?|read (?:also|more|next)|"
    r"see also|more (?:stories|news)(?: from [^:]{1,40})?|most (?:read|popular|viewed)|"
    r"trending(?: now)?|you (?:may|might) also like|"
    r"lee también|lea también|leer también|ver también|(?:también )?te puede interesar|"
    r"más leíd[oa]s|lo más leído|lo más visto|noticias relacionadas|"
    r"leia também|leia mais|veja também|mais lidas|você (?:pode|também pode) gostar|"
    r"notícias relacionadas|relacionad[oa]s)\s*:?",
    re.IGNORECASE,
)
# ... and a line that opens with one of them and a colon, its headlines after it ("Related:
# Maduro's trial opens", "Tags: Maduro, Caracas")
_BOX_OPENER = ("(?:" + _BOX_HEADING.pattern[: -len(r"\s*:?")]
               + r"|tags|etiquetas|tópicos|temas|topics|palabras clave|palavras-chave)")
_BOX_LINE = re.compile(_BOX_OPENER + r"\s*:", re.IGNORECASE)
# what the fast path sends to the parser for a look: a text (at the start, or after a tag's line
# break or mark, _TAG_MARK) that opens with a box's heading
_BOX_START = re.compile(r"\s*" + _BOX_OPENER, re.IGNORECASE)


# ... after a line break or a tag's mark: each expression starts with its one character, which
# the regular expression engine finds at C speed (a class of two there costs 3x more). They read
# the text in lower case, case-sensitively: 3x quicker than IGNORECASE over the many line breaks
# and marks of a long body, and the same answer (_LOWER_AS_IGNORECASE)
_BOX_AFTER = tuple(re.compile(re.escape(c) + _BOX_START.pattern) for c in ("\n", "\ue000"))
# the characters IGNORECASE matches with a letter of a heading that str.lower does not make it
# (the dotless and dotted i, the long s)
_LOWER_AS_IGNORECASE = {"\u0130": "i", "\u0131": "i", "\u017f": "s"}


def _opens_box(text: str) -> bool:
    """Whether a text node of ``text`` (tags replaced) may open with a box's heading."""
    if _BOX_START.match(text):
        return True
    if not text.isascii():
        for c, plain in _LOWER_AS_IGNORECASE.items():
            if c in text:
                text = text.replace(c, plain)
    text = text.lower()
    return any(r.search(text) for r in _BOX_AFTER)


# the values of a tag's class and id attributes (not its long URLs: a srcset of 2 KB)
_CLASS_OR_ID = re.compile(
    r"""(?<![\w-])(?:class|id)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.IGNORECASE)


def _box_attrs(attrs: list[tuple[str, str | None]]) -> bool:
    return any(k in ("class", "id") and v and _BOX_ATTR.search(v) for k, v in attrs)


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.box: str | None = None  # the tag of the box being left out, if any
        self.box_depth = 0
        self.list_next = False  # a box heading was read: the list right after it is the box
        self.to_block_end = False  # "Tags: ..." was read: its block's text is left out

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.box is not None:
            if tag == self.box:
                self.box_depth += 1
            elif self.box == "p" and tag in _BLOCK_TAGS:  # an unclosed <p> ends there
                self.box = None
            if self.box is not None:
                return
        if tag in _BOX_CONTAINERS and (
                (self.list_next and tag in ("ul", "ol")) or _box_attrs(attrs)):
            self.box, self.box_depth, self.list_next = tag, 1, False
            return
        if tag in _SKIP_TAGS:
            self.skip += 1
        elif tag in _BLOCK_TAGS:
            self.to_block_end = False
            self.parts.append("\n")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if self.box is None and tag in _BLOCK_TAGS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if self.box is not None:
            if tag == self.box:
                self.box_depth -= 1
                if not self.box_depth:
                    self.box = None
                    self.parts.append("\n")
            return
        if tag in _SKIP_TAGS:
            self.skip = max(0, self.skip - 1)
        elif tag in _BLOCK_TAGS:
            self.to_block_end = False
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        if self.skip or self.box is not None or self.to_block_end:
            return
        text = data.strip()
        if text:
            if _BOX_HEADING.fullmatch(text):  # the box's list, or its links in this block
                self.list_next = self.to_block_end = True
                return
            if _BOX_LINE.match(text):
                self.to_block_end = True
                return
            self.list_next = False
        self.parts.append(data)


# A start or end tag in its plain form: a name of letters and digits, attributes separated by
# white space with quoted or simple values. The fast path below handles markup made only of these.
_PLAIN_TAG = re.compile(
    r"""<(?:([a-zA-Z][a-zA-Z0-9]*)((?:\s+[a-zA-Z_:][-a-zA-Z0-9_:.]*"""
    r"""(?:\s*=\s*(?:"[^"<]*"|'[^'<]*'|[^\s"'=<>`]+))?)*)\s*(/?)|/([a-zA-Z][a-zA-Z0-9]*)\s*)>"""
)
# Tags whose content HTMLParser treats specially (raw text) in some Python version, and the
# tags we skip: markup with any of them takes the slow path.
_SPECIAL_TAGS = _SKIP_TAGS | {"script", "style", "textarea", "xmp", "plaintext", "noembed",
                              "noframes"}


# where an inline tag was, until the entities of the whole text are decoded (a private-use
# character: a text that has one takes the parser's path)
_TAG_MARK = "\ue000"
# what a plain tag becomes, by its name as written: a line break (block), the mark (inline),
# "" (a special tag: the text takes the parser's path)
_TAG_TEXT: dict[str, str] = {}


def _plain_markup_text(value: str) -> str | None:
    """What ``_TextExtractor`` yields for markup of plain tags only, with a regex instead of
    HTMLParser's Python state machine; None when the markup is anything else (comments,
    declarations, a stray ``<``, a special tag, a box of other headlines but a closing
    "Read more" link: ``_closing_box_line``), for the parser to handle. The text of a value
    with such a closing line is the parser's but for empty lines, which html_to_text drops.

    HTMLParser decodes the entities of each text between two tags on its own. Here the tags
    are replaced first (a line break for a block tag, a mark for an inline one) and the whole
    text is decoded at once: both end an entity reference where the tag did (a line break and
    the mark cannot be part of one, or at most after the longest entity name before them,
    which is what the end of a text gives too), and the marks are then removed."""
    if _TAG_MARK in value:
        return None
    special = False

    def tag(m: re.Match[str]) -> str:
        nonlocal special
        name = m.group(1) or m.group(4)
        got = _TAG_TEXT.get(name)
        if got is None:
            low = name.lower()
            got = _TAG_TEXT[name] = ("" if low in _SPECIAL_TAGS else
                                     "\n" if low in _BLOCK_TAGS else _TAG_MARK)
            if len(_TAG_TEXT) > 4096:  # names as written: a bound, should a feed vary them
                _TAG_TEXT.clear()
        if not got:
            special = True
        attrs = m.group(2)
        if attrs and ("class" in attrs or "id" in attrs) and any(
                _BOX_ATTR.search("".join(v)) for v in _CLASS_OR_ID.findall(attrs)):
            special = True  # a box of other headlines, maybe: the parser leaves it out
        return got

    text, tags = _PLAIN_TAG.subn(tag, value)
    if special or value.count("<") != tags:
        return None
    inline = text.count(_TAG_MARK)
    if "&" in text:
        text = html.unescape(text)
    if _opens_box(text):
        # a text that opens with a box's heading: the parser reads it, unless the heading is
        # only the last words ("Read more" linking the story), which it leaves out
        last = _closing_box_line(value)
        if last is None:
            return None
        if last:
            i = text.rfind(last)
            if i < 0 or text[i + len(last):].replace(_TAG_MARK, "").strip():
                return None
            text = text[:i] + text[i + len(last):]
    if inline:
        if text.count(_TAG_MARK) != inline:  # an entity decoded to the mark itself
            return None
        text = text.replace(_TAG_MARK, "")
    return text


def _closing_box_line(value: str) -> str | None:
    """What ``_TextExtractor`` leaves out of ``value`` when no text between two tags but the
    last may open a box of other headlines: that last text, decoded, if it is a box's heading or
    line on its own ("Read more", "Tags: a, b"; nothing after it for the box to take too), else
    "" (nothing: "Read more »"). None when another text may open a box. A text is judged as
    the parser judges it, decoded on its own and stripped."""
    nodes = _PLAIN_TAG.split(value)[:: _PLAIN_TAG.groups + 1]  # the texts, without the tags
    while nodes and not html.unescape(nodes[-1]).strip():
        nodes.pop()
    if not nodes:
        return None
    last = html.unescape(nodes.pop())
    # the texts before it, one mark between two: _opens_box reads each one's start
    before = _TAG_MARK.join(nodes)
    if _opens_box(html.unescape(before) if "&" in before else before):
        return None
    if _BOX_HEADING.fullmatch(last.strip()) or _BOX_LINE.match(last.strip()):
        return last
    return ""  # only starts like one ("Read more »"): the parser keeps it too


_CDATA = re.compile(r"<!\[CDATA\[(.*?)(?:\]\]>|\Z)", re.IGNORECASE | re.DOTALL)
# a footnote's number or mark in a superscript right after a word
# ("Maduro<sup>1</sup>", "Sinaloa<sup><a href='#n2'>[2]</a></sup>"): a space before it, so that
# the word stays a word of its own ("Maduro 1"); not after a digit ("1<sup>st</sup>")
_FOOTNOTE = re.compile(r"(?<=[^\W\d_])(?=<sup\b[^>]*>\s*(?:<[^>]*>\s*)*[\[(]?[\d*\u2020\u2021])",
                       re.IGNORECASE)
# ... searched only where a <sup> tag is: _FOOTNOTE tries every position of the text (~120 us on
# a 5 KB body of spans and strongs, against ~5 us for this search)
_SUP_TAG = re.compile(r"<sup\b", re.IGNORECASE)


def html_to_text(value: str | None) -> str:
    """Reduce HTML (or plain text with entities) to readable plain text.

    Inline tags vanish without adding spaces (``Nicolás <b>Maduro</b>`` stays two words because
    the space is in the text), block tags and ``<br>`` become line breaks, entities are decoded
    (twice when the feed escaped them twice: ``Rubio&amp;#39;s`` is ``Rubio's``), terminal escape
    sequences removed whole, control characters (C0 but tab and line breaks, DEL, C1) and
    bidirectional controls and zero-width spaces dropped, runs of spaces collapsed, mojibake
    (``LÃ³pez``), a slug's percent-encoded letters (``c%C3%A1rtel``), quoted-printable letters
    (``Nicol=C3=A1s``) and a JSON string's escapes of letters (``C\\u00e1rtel``) read back. A CDATA
    section left in the text (``<![CDATA[Gulf Cartel ...]]>``, a feed that escaped it) is
    read as its content. A footnote's number in a superscript right after a word is set
    apart from it (``Maduro<sup>1</sup>``: ``Maduro 1``).
    Non-breaking spaces become spaces. Boxes of other headlines that a CMS puts in a body
    (related posts, most read, read also, tags, share boxes) are left out (``_BOX_ATTR``).
    """
    if not value:
        return ""
    if "<![" in value:  # a CDATA section that reached the text (escaped once too often, or
        # wrapped twice): its content is the text, where HTMLParser would drop it whole
        value = _CDATA.sub(r"\1", value)
    if ("<s" in value or "<S" in value) and _SUP_TAG.search(value):
        value = _FOOTNOTE.sub(" ", value)
    text = _plain_markup_text(value) if "<" in value or "&" in value else value
    if text is None:
        parser = _TextExtractor()
        try:
            parser.feed(value)
            parser.close()
            text = "".join(parser.parts)
        except (AssertionError, ValueError):  # HTMLParser gives up on some malformed markup
            text = html.unescape(re.sub(r"<[^>]*>", " ", value))
    if "&" in text and _ENTITY.search(text):
        text = html.unescape(text)
    if "%" in text and _PERCENT_UTF8.search(text):
        text = _PERCENT_UTF8.sub(_unpercent, text)
    if "=" in text and _QP_UTF8.search(text):
        text = _QP_UTF8.sub(_unpercent, text)
    if "\\u" in text or "\\U" in text:
        text = _JSON_ESCAPED.sub(_unjson, text)
    if not text.isascii() and _mojibake_leads(text) and _MOJIBAKE.search(text):
        # before the C1 controls it may hold go
        text = unmojibake(text)
    if "[" in text and ("\\" in text or "\u241b" in text or "ESC[" in text or "^[[" in text):
        # an escape byte written out before its sequence: the picture of ESC a terminal or an
        # editor shows ("\u241b[32m", "ESC[1m", "^[[1m" as cat -v and less write it), or a
        # program's escape for it left as text ("\\u001b[31m")
        text = _ESCAPE_WRITTEN.sub("\x1b[", text)
    if _CONTROL_CHAR.search(text):
        text = _CONTROL.sub("", text)
    if "[" in text:
        if "(B[m" in text:  # what `tput sgr0` writes (ESC ( B, ESC [ m) without its escapes
            text = text.replace("(B[m", "")
        text = _CODE_REMNANT.sub("", text)
        text = _COLOUR_REMNANT.sub("", text)
    if "\x85" in text:  # NEL, the one C1 control that separates words: a line break
        text = text.replace("\x85", "\n")
    if "  " in text or _WS_CHAR.search(text):  # else _SPACES has nothing to match
        text = _SPACES.sub(" ", text)
    if "\n" in text:  # white space around line breaks and empty lines dropped: each line
        # stripped (str.strip's white space is the regex \s), the empty ones left out
        return "\n".join(line for line in map(str.strip, text.split("\n")) if line)
    return text.strip()


def canonical_url(url: str | None) -> str | None:
    """For http(s): lower-case scheme and host, no fragment, no default port, tracking
    parameters removed; IPv6 hosts keep their brackets. Any other scheme (``at://did:plc:…``,
    ``mailto:``, ``urn:``) is opaque: returned as given, stripped."""
    if not url:
        return None
    url = url.strip()
    m = _CANONICAL.match(url)
    if m and (m.group(1) is None or not any(
            _tracking(pair.partition("=")[0]) for pair in m.group(1).split("&"))):
        return url  # already what the rest would make of it
    try:
        parts = urlsplit(url)
    except ValueError:
        return url
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https") or not parts.netloc:
        return url
    host = (parts.hostname or "").lower()
    if ":" in host:  # an IPv6 literal: urlsplit drops the brackets it needs
        host = f"[{host}]"
    try:
        port = parts.port
    except ValueError:  # not a number: keep what was written rather than guess
        return url
    netloc = host
    if parts.username:
        netloc = f"{parts.username}@{netloc}"
    if port is not None and port != (80 if scheme == "http" else 443):
        netloc += f":{port}"
    query = parts.query
    if _PLAIN_QUERY.match(query):  # what parse_qsl and urlencode leave as it is: split it
        query = "&".join(p for p in query.split("&") if not _tracking(p.partition("=")[0]))
    elif query:
        query = urlencode([(k, v) for k, v in parse_qsl(query, keep_blank_values=True)
                           if not _tracking(k)])
    return urlunsplit((scheme, netloc, parts.path or "/", query, ""))


# k=v pairs of characters that quote_plus leaves alone, every pair with its "="
_PAIR = r"[A-Za-z0-9._~-]+=[A-Za-z0-9._~-]*"
_PLAIN_QUERY = re.compile(rf"{_PAIR}(?:&{_PAIR})*\Z")
# an http(s) URL that is canonical as written, but perhaps for tracking parameters in its query
# (group 1): lower-case scheme and host, no port, user or fragment, a path of printable ASCII,
# a query (if any) of plain pairs
_CANONICAL = re.compile(r"https?://[a-z0-9][a-z0-9.-]*/[\x21\x22\x24-\x3e\x40-\x7e]*"
                        rf"(?:\?({_PAIR}(?:&{_PAIR})*))?\Z")


def _tracking(key: str) -> bool:
    key = key.lower()
    return key in _TRACKING_PARAMS or key.startswith(_TRACKING_PREFIXES)


class _CombiningMarks(dict):
    """A str.translate table that deletes combining marks, filled in as characters turn up."""

    def __missing__(self, codepoint: int) -> int | None:
        value = None if unicodedata.combining(chr(codepoint)) else codepoint
        self[codepoint] = value
        return value


_STRIP_MARKS = _CombiningMarks()
_WORD = re.compile(r"\w+")
# ASCII but letters, digits and "_" (what \w matches there) → " ": the words of an ASCII text,
# split on white space, are those \w+ finds
_ASCII_NOT_WORD = str.maketrans({chr(c): " " for c in range(128) if not re.match(r"\w", chr(c))})
_ASTRAL = re.compile("[\U00010000-\U0010ffff]")


@functools.cache  # built at the first text past ASCII
def _bmp_marks_pattern() -> re.Pattern[str]:
    """Runs of the Basic Multilingual Plane's combining marks, as a regex character class of
    ranges (which the regex engine tests as a bitmap: about twice the speed of translate)."""
    ranges: list[list[int]] = []
    for c in range(0x10000):
        if not unicodedata.combining(chr(c)):
            continue
        if ranges and ranges[-1][1] == c - 1:
            ranges[-1][1] = c
        else:
            ranges.append([c, c])
    return re.compile("[" + "".join(f"\\u{a:04x}-\\u{b:04x}" for a, b in ranges) + "]+")


def _plain(text: str) -> str:
    """``fold``'s rule before the words: case folding, NFKD, every combining mark dropped."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    if _ASTRAL.search(decomposed):  # marks past the BMP too: the table that knows them all
        return decomposed.translate(_STRIP_MARKS)
    return _bmp_marks_pattern().sub("", decomposed)


_ASCII = AsciiFolding("normalize", _plain)
_ASCII_NOT_WORD_BYTES = bytes(
    c if re.match(r"\w", chr(c)) else ord(" ") for c in range(128)) + b" " * 128


def fold(text: str) -> str:
    """Case- and accent-insensitive form for comparing stories: letters and digits only.
    ASCII text, and text whose characters past ASCII all fold to ASCII (``asciifold``), is
    read by a byte table (casefold is lower there, NFKD changes nothing, there are no marks)."""
    if text.isascii():
        return " ".join(text.lower().translate(_ASCII_NOT_WORD).split())
    raw = _ASCII.encode(text)
    if raw is not None:
        return b" ".join(raw.lower().translate(_ASCII_NOT_WORD_BYTES).split()).decode("ascii")
    return " ".join(_WORD.findall(_plain(text)))


def _digest(*parts: str) -> str:
    h = sha256()
    for part in parts:
        h.update(part.encode("utf-8", "surrogatepass"))
        h.update(b"\x1f")
    return h.hexdigest()[:32]


def to_item(feed_id: str, entry: RawEntry, hashes: Mapping[str, str] | None = None) -> Item:
    """The entry normalised; ``hashes``: entry digests by key, for its ``entry_hash``."""
    title = html_to_text(entry.title)
    summary = html_to_text(entry.summary)
    # a feed's only content is often its summary too (feedparser copies it): same text
    content = "" if entry.content == entry.summary else html_to_text(entry.content)
    if content == summary:
        content = ""
    link = canonical_url(entry.link)
    story_hash = _digest("story-v1", fold(title), fold(summary or content))
    guid = (entry.guid or "").strip() or None
    key = guid or link or "hash:" + story_hash
    return Item(
        feed_id=feed_id,
        key=key,
        guid=guid,
        link=link,
        title=title,
        summary=summary,
        content=content,
        published=entry.published,
        content_hash=_digest("content-v1", title, summary, content),
        story_hash=story_hash,
        enclosures=enclosure_urls(entry.enclosures) if entry.enclosures else (),
        entry_hash=hashes.get(key) if hashes else None,
    )


def enclosure_urls(urls: tuple[str, ...]) -> tuple[str, ...]:
    """An entry's enclosure URLs canonicalised as its link is, in order, each once, the empty
    ones dropped."""
    return tuple(dict.fromkeys(u for u in map(canonical_url, urls) if u))


def entry_key(entry: RawEntry) -> str:
    """``to_item(…, entry).key`` without normalising the rest of the entry when it has a guid
    or a link."""
    guid = (entry.guid or "").strip()
    if guid:
        return guid
    link = canonical_url(entry.link)
    return link if link else to_item("", entry).key


def to_items(feed_id: str, parsed: ParsedFeed) -> tuple[Item, ...]:
    """Every entry of a parsed feed as an Item; a key repeated in one document keeps the first."""
    seen: set[str] = set()
    items = []
    for entry in parsed.entries:
        item = to_item(feed_id, entry)
        if item.key in seen:
            continue
        seen.add(item.key)
        items.append(item)
    return tuple(items)
