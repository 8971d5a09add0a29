"""Generate small RSS/Atom feeds for tests, with planted watchlist mentions we can count."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from xml.sax.saxutils import escape

# (sentence with a mention, entity id it must produce)
PLANTED = [
    ("Officials in Caracas denied that Nicolás Maduro ran the network.", "nicolas-maduro"),
    ("Prosecutors charged two men said to belong to Tren de Aragua.", "tren-de-aragua"),
    ("The Cartel de los Soles was named in the new sanctions list.", "cartel-de-los-soles"),
    ("Police said the MS-13 clique had moved to the suburbs.", "ms-13"),
    ("Marco Rubio spoke to reporters about the designation.", "marco-rubio"),
    ("El Cártel de Sinaloa respondió con violencia en Culiacán.", "sinaloa-cartel"),
]
# words for filler sentences: each item gets its own random text, so that distinct items are
# distinct stories (the near-duplicate grouping would rightly merge copies of one text)
VOCABULARY = """council budget road repairs farmers harvest winter museum renovation football
club striker academy rail timetable spring scientists survey coastal birds bridge school teachers
hospital nurses market prices bakery festival river flood storm power outage library mayor
election volunteers park concert theatre orchestra village harbour fishermen tourists hotel
airport runway cyclists marathon bakery vineyard olive orchard factory workers union strike
wage pension clinic vaccine students exam university laboratory telescope comet satellite
archive painting gallery sculptor novelist poet award ceremony referee tournament champion
league coach injury season transfer stadium tickets fans anthem parade""".split()


@dataclass
class GenItem:
    guid: str
    title: str
    summary: str
    link: str
    published: datetime
    entity: str | None  # the planted entity, if any


def make_items(feed_id: str, start: int, count: int, rng: random.Random,
               mention_rate: float = 0.3) -> list[GenItem]:
    out = []
    base = datetime(2025, 11, 1, tzinfo=UTC)
    for n in range(start, start + count):
        entity = None
        words = [_sentence(rng), _sentence(rng)]
        if rng.random() < mention_rate:
            sentence, entity = rng.choice(PLANTED)
            words.insert(1, sentence)
        out.append(GenItem(
            guid=f"{feed_id}-item-{n}",
            title=f"{feed_id} report number {n}",
            summary=" ".join(words) + f" (ref {feed_id}/{n})",
            link=f"https://{feed_id}.example/news/{n}",
            published=base + timedelta(minutes=n),
            entity=entity,
        ))
    return out


def _sentence(rng: random.Random) -> str:
    return " ".join(rng.choice(VOCABULARY) for _ in range(12)).capitalize() + "."


def rss(feed_id: str, items: list[GenItem]) -> bytes:
    parts = [
        '<?xml version="1.0" encoding="utf-8"?>\n<rss version="2.0"><channel>',
        f"<title>{feed_id}</title><link>https://{feed_id}.example/</link>",
        "<description>generated for tests</description>",
    ]
    for it in reversed(items):  # newest first, as feeds do
        parts.append(
            f"<item><guid isPermaLink=\"false\">{it.guid}</guid>"
            f"<title>{escape(it.title)}</title><link>{escape(it.link)}</link>"
            f"<pubDate>{it.published.strftime('%a, %d %b %Y %H:%M:%S GMT')}</pubDate>"
            f"<description>{escape('<p>' + it.summary + '</p>')}</description></item>"
        )
    parts.append("</channel></rss>\n")
    return "".join(parts).encode("utf-8")
