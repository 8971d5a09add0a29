"""Writes tests/data/story_pairs.json from the hand-written stories in story_pairs_stories.py.

    python tests/data/story_pairs_make.py

The pairs are what feeds would publish: each outlet wraps a story in its own boilerplate (a
WordPress footer, a newsletter plug, a read-more line), and a copy of a story in another outlet
changes its headline, adds a byline or a dateline, goes through a tracking link, is cut to an
excerpt or gets a background sentence. Labels: "copy" (one story: must merge) and "different"
(two stories about one entity, often with the same boilerplate or the same background sentence:
must never merge). The output is committed; the test reads only the JSON.
"""

from __future__ import annotations

import itertools
import json
import sys
import zlib
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
from story_pairs_stories import CONTEXT, STORIES

# feed id -> (language, name, site, boilerplate template; {title} is the item's headline)
FEEDS = {
    "wire-en": ("en", "Wire Service", "wire.example", ""),
    "courier": ("en", "The Caribbean Courier", "courier.example",
                "The post {title} appeared first on The Caribbean Courier."),
    "gazette": ("en", "The Gazette", "gazette.example", "{plug_en}"),
    "tribune": ("en", "Island Tribune", "tribune.example",
                "{plug_en} The post {title} appeared first on Island Tribune."),
    "latindesk": ("en", "Latin Desk", "latindesk.example",
                  "Read the full story and more coverage of the region at Latin Desk »"),
    "agencia-es": ("es", "Agencia de Noticias", "agencia.example", ""),
    "diario": ("es", "Diario del Caribe", "diario.example",
               "La entrada {title} se publicó primero en Diario del Caribe."),
    "noticias": ("es", "Noticias 24", "noticias.example", "{plug_es}"),
    "elfaro": ("es", "El Faro Digital", "elfaro.example",
               "Sigue leyendo la nota completa en El Faro Digital » {plug_es}"),
    "agencia-pt": ("pt", "Agência de Notícias", "agenciapt.example", ""),
    "jornal": ("pt", "Jornal do Norte", "jornal.example",
               "O post {title} apareceu primeiro em Jornal do Norte."),
    "portal": ("pt", "Portal Amazônia", "portal.example", "{plug_pt}"),
    "folha-rr": ("pt", "Folha de Roraima", "folharr.example",
                 "{plug_pt} Continue lendo no site da Folha de Roraima »"),
}
# the same newsletter plug in two outlets of one language (one plug-in, two sites)
PLUGS = {
    "plug_en": "Sign up for our Morning Briefing newsletter and get the day's top stories in "
               "your inbox before breakfast. Follow us on WhatsApp, Telegram and Instagram for "
               "breaking news alerts, and support independent journalism with a subscription.",
    "plug_es": "Suscríbete a nuestro boletín y recibe cada mañana las noticias más importantes "
               "de Venezuela y la región. Síguenos en WhatsApp, Telegram e Instagram para recibir "
               "alertas de última hora y apoya el periodismo independiente con una suscripción.",
    "plug_pt": "Assine a nossa newsletter e receba as principais notícias do dia no seu e-mail. "
               "Siga-nos no WhatsApp, no Telegram e no Instagram para receber alertas de última "
               "hora e apoie o jornalismo independente com uma assinatura.",
}

# items each outlet published before the pairs (same boilerplate, other subjects)
BACKGROUND = {
    "en": [
        ("Storm warning issued for the Windward Islands",
         "Forecasters expect heavy rain and strong winds across the islands through Thursday."),
        ("Central bank holds interest rate steady",
         "Policymakers left the benchmark rate unchanged and said inflation was easing slowly."),
        ("Regional airline adds flights to Panama",
         "The carrier will fly three times a week from March, citing demand from business "
         "travellers."),
        ("Football: national team names squad for qualifiers",
         "The coach called up two uncapped defenders for the matches against Peru and Chile."),
    ],
    "es": [
        ("Alerta por lluvias en el oriente del país",
         "Protección Civil pidió a los habitantes de zonas bajas estar atentos a las crecidas."),
        ("Suben los precios de la harina de maíz",
         "Comerciantes atribuyen el alza al costo del transporte y a la escasez de gasoil."),
        ("Inauguran nueva línea de autobuses en Maracaibo",
         "La ruta conectará el centro con la zona norte y tendrá paradas cada quinientos metros."),
        ("Béisbol: los Leones ganan el clásico ante Magallanes",
         "Un jonrón en la novena entrada decidió el partido en el estadio Monumental."),
    ],
    "pt": [
        ("Chuvas fortes atingem o interior do Amazonas",
         "A Defesa Civil recomendou que moradores de áreas ribeirinhas deixem suas casas."),
        ("Preço da gasolina sobe pela terceira semana",
         "Postos de Manaus registraram aumento médio de quinze centavos por litro."),
        ("Nova ponte liga Boa Vista ao Bonfim",
         "A obra deve reduzir em uma hora o tempo de viagem até a fronteira com a Guiana."),
        ("Futebol: clube local garante acesso à Série C",
         "O time venceu por dois a zero e comemorou com a torcida no estádio Canarinho."),
    ],
}

BYLINES = {"en": "By Ana Pereira and Tom Hale, staff writers.",
           "es": "Por María Fernanda Rojas, corresponsal.",
           "pt": "Por João Batista Lima, da sucursal de Boa Vista."}
DATELINES = {"en": "CARACAS (Wire Service) — ", "es": "CARACAS, (Agencia) — ",
             "pt": "CARACAS (Agência) — "}


def wrap(feed: str, title: str, body: str) -> str:
    tail = FEEDS[feed][3].format(title=title, **PLUGS)
    return f"{body} {tail}".strip()


def post(feed: str, key: str, title: str, body: str, link: str | None = None) -> dict:
    site = FEEDS[feed][2]
    return {"feed": feed, "guid": f"{feed}:{key}", "link": link or f"https://{site}/{key}",
            "title": title, "summary": wrap(feed, title, body)}


def teaser(story: dict) -> str:
    """The first words of a story, as excerpt feeds show them."""
    return " ".join(story["text"][0].split()[:12]) + " […]"


def feeds_of(lang: str) -> list[str]:
    return [f for f, spec in FEEDS.items() if spec[0] == lang]


COPY_KINDS = ["headline", "byline", "dateline", "tracking-proxy", "excerpt", "context",
              "headline+byline", "utm-link", "same-feed-utm", "same-feed-republished"]


def copy_pair(story: dict, kind: str, fa: str, fb: str) -> tuple[dict, dict]:
    lang, sid, body = story["lang"], story["id"], " ".join(story["text"])
    a = post(fa, sid, story["title"], body)
    title, text, link = story["title"], body, None
    if kind == "headline":
        title = story["alt"]
    elif kind == "byline":
        text = f"{BYLINES[lang]} {body}"
    elif kind == "dateline":
        text = DATELINES[lang] + body
        title = story["alt"]
    elif kind == "tracking-proxy":
        link = f"https://feedproxy.example/~r/{fb}/~3/{zlib.crc32(sid.encode()) % 10**8}/{sid}"
    elif kind == "excerpt":
        text = " ".join(story["text"][:2]) + " […]"
        title = story["alt"]
    elif kind == "context":
        text = f"{body} {CONTEXT[story['entity']][lang]}"
    elif kind == "headline+byline":
        title, text = story["alt"], f"{BYLINES[lang]} {DATELINES[lang]}{body}"
    elif kind == "utm-link":
        link = a["link"] + "?utm_source=rss&utm_medium=feed&utm_campaign=partner"
        title = story["alt"]
    elif kind == "same-feed-utm":  # the outlet posts it again under a new guid
        fb, link = fa, a["link"] + "?utm_source=twitter&fbclid=AbC123"
    elif kind == "same-feed-republished":
        fb, link = fa, a["link"].replace(f"/{sid}", f"/amp/{sid}")
    b = post(fb, sid + "-copy", title, text, link)
    return a, b


def main() -> None:
    pairs = []
    n = itertools.count(1)
    for i, story in enumerate(STORIES):
        feeds = feeds_of(story["lang"])
        kinds = [*COPY_KINDS[i % 2 :: 2], COPY_KINDS[(i + 3) % len(COPY_KINDS)]]
        for j, kind in enumerate(dict.fromkeys(kinds)):
            fa = feeds[(i + j) % len(feeds)]
            fb = feeds[(i + j + 1 + j % 2) % len(feeds)]
            if fb == fa:
                fb = feeds[(feeds.index(fa) + 1) % len(feeds)]
            a, b = copy_pair(story, kind, fa, fb)
            pairs.append({"id": f"p{next(n):03d}", "label": "copy", "lang": story["lang"],
                          "kind": kind, "entity": story["entity"], "a": a, "b": b})
    by_entity: dict[tuple[str, str], list[dict]] = {}
    for story in STORIES:
        by_entity.setdefault((story["lang"], story["entity"]), []).append(story)
    for (lang, entity), stories in sorted(by_entity.items()):
        feeds = feeds_of(lang)
        shared_plug = [f for f in feeds if "{plug_" in FEEDS[f][3]]
        for k, (s1, s2) in enumerate(itertools.combinations(stories, 2)):
            b1, b2 = " ".join(s1["text"]), " ".join(s2["text"])
            ctx = CONTEXT[entity][lang]
            variants = {
                "other feed": (feeds[k % len(feeds)], feeds[(k + 1) % len(feeds)], b1, b2),
                "same feed": (feeds[(k + 1) % len(feeds)],) * 2 + (b1, b2),
                "same background": (feeds[k % len(feeds)], feeds[(k + 2) % len(feeds)],
                                    f"{b1} {ctx}", f"{b2} {ctx}"),
                "same feed, same background": (*(feeds[(k + 2) % len(feeds)],) * 2,
                                               f"{ctx} {b1}", f"{ctx} {b2}"),
                "shared plug, teasers": (shared_plug[0], shared_plug[1], teaser(s1),
                                         teaser(s2)),
            }
            for kind, (fa, fb, ta, tb) in variants.items():
                a = post(fa, s1["id"], s1["title"], ta)
                b = post(fb, s2["id"], s2["title"], tb)
                pairs.append({"id": f"p{next(n):03d}", "label": "different", "lang": lang,
                              "kind": kind, "entity": entity, "a": a, "b": b})
    background = {
        feed: [post(feed, f"bg-{k}", t, s) for k, (t, s) in enumerate(BACKGROUND[spec[0]])]
        for feed, spec in FEEDS.items()
    }
    out = {"feeds": {f: {"lang": s[0], "name": s[1]} for f, s in FEEDS.items()},
           "background": background, "pairs": pairs}
    path = Path(__file__).with_name("story_pairs.json")
    path.write_text(json.dumps(out, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    labels = [p["label"] for p in pairs]
    print(f"{path}: {len(pairs)} pairs: {labels.count('copy')} copies, "
          f"{labels.count('different')} different")


if __name__ == "__main__":
    main()
