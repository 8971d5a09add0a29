"""`monitor seeds draft`: candidate entities from an article, for a person to review."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from monitor.cli import cli
from monitor.draft import extract
from monitor.watchlist import load_watchlists

ARTICLES = Path(__file__).parent / "data" / "articles"


def kinds(path: Path) -> dict[str, tuple[str, set[str]]]:
    return {c.name: (c.type, c.aliases) for c in extract(path.read_text(encoding="utf-8"))}


def test_english_article_candidates():
    """Names, acronyms, titles and vessels are found with sensible types and aliases."""
    got = kinds(ARTICLES / "port-raid-en.txt")
    assert got["Drug Enforcement Administration"][0] == "organization"
    assert "DEA" in got["Drug Enforcement Administration"][1]
    assert got["Clan del Golfo"][0] == "organization"
    assert got["Francisco Cubides"] == ("person", {"Admiral Cubides", "Cubides"})
    assert got["Gustavo Petro"][0] == "person"
    assert "President Petro" in got["Gustavo Petro"][1]
    assert got["Pedro Sánchez"][0] == "person"
    assert got["ARC Almirante Padilla"][0] == "vessel"
    assert got["Colombian Navy"][0] == "organization"
    assert "Tuesday" not in got and "The" not in got


def test_spanish_article_candidates():
    """Spanish titles (presidente, general, ministro) and acronym pairing work too."""
    got = kinds(ARTICLES / "frontera-es.txt")
    assert got["Ejército de Liberación Nacional"][0] == "organization"
    assert "ELN" in got["Ejército de Liberación Nacional"][1]
    assert got["Gustavo Petro"][0] == "person"
    assert got["William Salamanca"][0] == "person"
    assert got["Policía Nacional de Colombia"][0] == "organization"
    assert "sábado" not in {n.casefold() for n in got}


def test_seed_article_draft_covers_the_seed_entities():
    """On the seed article the draft proposes the people and groups the watchlist is built on."""
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_b8d62d85472e8187.txt"
    if not seed.exists():
        pytest.skip(f"{seed} not found: run from a checkout beside shared/")
    got = kinds(seed)
    for name in ("Cartel de los Soles", "Tren de Aragua", "Sinaloa Cartel", "Gulf Cartel",
                 "Carteles Unidos", "Marco Rubio", "Donald Trump", "USS Gerald R. Ford"):
        assert name in got, name
    assert "Maduro" in got["Nicolas Maduro"][1]
    assert "CJNG" in got["Jalisco New Generation Cartel"][1]


def test_cli_writes_a_loadable_draft(tmp_path):
    """The draft file is a valid watchlist (it loads) and says it is a draft."""
    out = tmp_path / "draft.yaml"
    result = CliRunner().invoke(cli, ["seeds", "draft", str(ARTICLES / "port-raid-en.txt"),
                                      "-o", str(out)])
    assert result.exit_code == 0, result.output
    text = out.read_text(encoding="utf-8")
    assert text.startswith("# DRAFT")
    wl = load_watchlists([out])
    assert any(e.name == "Gustavo Petro" for e in wl.entities)
    assert "entities" in result.output


def test_draft_refuses_to_overwrite_without_force(tmp_path):
    """-o onto an existing file exits 1 and leaves it alone; --force replaces it."""
    out = tmp_path / "mine.yaml"
    out.write_text("watchlist: mine\n", encoding="utf-8")
    article = str(ARTICLES / "port-raid-en.txt")
    res = CliRunner().invoke(cli, ["seeds", "draft", article, "-o", str(out)])
    assert res.exit_code == 1 and "--force" in res.output and "exists" in res.output
    assert out.read_text(encoding="utf-8") == "watchlist: mine\n"
    res = CliRunner().invoke(cli, ["seeds", "draft", article, "-o", str(out), "--force"])
    assert res.exit_code == 0 and out.read_text(encoding="utf-8").startswith("# DRAFT")


def test_seed_article_draft_leaves_out_places_and_types_groups(tmp_path):
    """No country, city, region or nationality is proposed; a group named in a list of
    organisations is an organization, not a person; every id is unique (the draft loads)."""
    seed = Path(__file__).resolve().parents[2] / "shared" / "seeds" / "000_b8d62d85472e8187.txt"
    if not seed.exists():
        pytest.skip(f"{seed} not found: run from a checkout beside shared/")
    got = kinds(seed)
    for place in ("Venezuela", "Washington", "United States", "Caribbean", "Caribbean Sea",
                  "America", "Europe", "Latin America", "Mexico", "Yemen", "Venezuelan", "DC",
                  "Western Hemisphere", "Venezuela Cartel de los Soles"):
        assert place not in got, place
    assert got["Boko Haram"][0] == "organization"
    assert got["Donald Trump"][0] == got["Marco Rubio"][0] == "person"
    out = tmp_path / "draft.yaml"
    assert CliRunner().invoke(cli, ["seeds", "draft", str(seed), "-o", str(out)]).exit_code == 0
    ids = [e.id for e in load_watchlists([out]).entities]
    assert len(ids) == len(set(ids))
    assert "not proposed (places" in out.read_text(encoding="utf-8")
