"""Charset detection without chardet's repeated work (``monitor.parse.charset``): the same
answer as plain chardet for every buffer, and one detection per body however many times the
parse stage converts it."""

from __future__ import annotations

import random
from pathlib import Path

import chardet
import feedparser.encodings
import pytest
from conftest import shared_dir

from monitor.parse import charset, parse

CORPORA = ("real", "parsers", "feedparser-tests")
XML = {"content-type": "application/xml"}  # no charset: UTF-8 is tried, then chardet

WORDS = {
    "latin-1": "Últimas Notícias ação coração São Paulo informação Señor niño año café",
    "cp1252": "“Últimas” — notícias… São Paulo œuvre €100 naïve façade",
    "cp1251": "Последние новости Москва правительство экономика сегодня",
    "koi8-r": "Последние новости Москва правительство экономика сегодня",
    "iso-8859-7": "Τελευταία νέα Αθήνα κυβέρνηση οικονομία σήμερα",
    "iso-8859-9": "Son dakika haberleri İstanbul hükümet ekonomi bugün şehir",
    "shift_jis": "最新ニュース 東京 政府 経済 今日 天気",
    "euc-kr": "최신 뉴스 서울 정부 경제 오늘 날씨",
    "gb2312": "最新新闻 北京 政府 经济 今天 天气",
    "utf-8": "Últimas Notícias Последние новости 最新ニュース",
}


def _buffers() -> list[tuple[str, bytes]]:
    """Feed-like documents in many encodings, undeclared, with markup around the text."""
    rng = random.Random(7)
    out = []
    for encoding, text in WORDS.items():
        words = text.split()
        for n in range(3):
            items = "".join(
                f"<item><title>{' '.join(rng.choices(words, k=rng.randint(2, 8)))}</title>"
                f"<link>http://example.org/{n}/{i}</link>"
                f"<description>{' '.join(rng.choices(words, k=rng.randint(5, 40)))}"
                f"</description></item>\n" for i in range(rng.randint(1, 30)))
            doc = f"<rss><channel><title>{words[0]}</title>\n{items}</channel></rss>"
            out.append((f"{encoding}#{n}", doc.encode(encoding)))
    return out


def _not_utf8(root: Path) -> list[tuple[str, bytes]]:
    out = []
    for corpus in CORPORA:
        for path in sorted((root / corpus).rglob("*")):
            if path.is_file() and path.suffix not in (".md", ".json", ".go", ".py"):
                body = path.read_bytes()
                try:
                    body.decode("utf-8")
                except UnicodeDecodeError:
                    out.append((str(path), body))
    return out


def test_the_same_answer_as_plain_chardet():
    """Over generated documents in ten encodings (every answer: encoding, confidence,
    language); ``chardet.detect`` outside ``charset.detect`` stays as it is."""
    buffers = _buffers()
    for name, data in buffers:
        assert charset.detect(data) == chardet.detect(data), name
    answers = {charset.detect(data)["encoding"] for _, data in buffers}
    assert len(answers) >= 6  # the comparison went through many probers' answers


def test_the_same_answer_on_every_corpus_document_not_in_utf8():
    root = shared_dir() / "corpus"
    if not all((root / c).is_dir() for c in CORPORA):
        pytest.skip(f"shared corpora {CORPORA} not found under {root} (set MONITOR_SHARED)")
    docs = _not_utf8(root)
    assert len(docs) >= 30
    for name, data in docs:
        assert charset.detect(data) == chardet.detect(data), name


def test_a_body_converted_three_times_is_detected_once(monkeypatch):
    """A not-well-formed body in Latin-1 that declares nothing: the parse converts it for the
    expat pass, for the entity check and in feedparser, and chardet runs once; the items are
    those of feedparser with plain chardet."""
    items = "".join(f"<item><title>Notícia {i} de São Paulo</title><link>http://e.org/{i}</link>"
                    f"<description>Informação & coração {i}</description></item>"
                    for i in range(5))
    body = f"<rss version='2.0'><channel><title>Últimas</title>{items}</channel></rss>"
    body_bytes = body.encode("latin-1")
    calls = []
    real = chardet.detect

    def counted(data, *args, **kwargs):
        calls.append(len(data))
        return real(data, *args, **kwargs)

    monkeypatch.setattr(chardet, "detect", counted)
    got = parse("f", "http://e.org/feed", body_bytes, XML)
    assert calls == [len(body_bytes)]
    assert "not well-formed" in (got.warning or "")  # the loose parser's route was taken
    monkeypatch.setattr(feedparser.encodings, "lazy_chardet_encoding",
                        lambda data: real(data)["encoding"] or "")
    plain = parse("f", "http://e.org/feed", body_bytes, XML)
    assert got == plain and len(got.items) == 5
    assert got.items[0].title == "Notícia 0 de São Paulo"
