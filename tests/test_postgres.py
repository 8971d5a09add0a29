"""PostgreSQL as the database: the URL in the config, migrations once across replicas, and clear
errors. The store's methods themselves are in test_store_contract.py."""

from __future__ import annotations

import threading

import pytest

from monitor.config import load_config
from monitor.exceptions import ConfigError, StorageError
from monitor.store import open_store
from monitor.store.schema import MIGRATIONS


def _config(tmp_path, database: str, extra: str = ""):
    (tmp_path / "w.yaml").write_text("entities: []\n")
    path = tmp_path / "monitor.yaml"
    path.write_text(f"paths:\n  database: {database!r}\n{extra}watchlists: [w.yaml]\n")
    return path


def test_a_postgresql_url_is_never_taken_for_a_path(tmp_path):
    """`paths.database: postgresql://...` stays a URL: no folder named `postgresql:` appears."""
    cfg = load_config(_config(tmp_path, "postgresql://monitor@db.example:5432/monitor"))
    assert cfg.database == "postgresql://monitor@db.example:5432/monitor"
    assert not any(p.name.startswith("postgres") for p in tmp_path.iterdir())


@pytest.mark.parametrize(("url", "message"), [
    ("mysql://db.example/monitor", "mysql:// is not a database this program can use"),
    ("postgresql://monitor:hunter2@db.example/monitor", "keep the password out of the URL"),
])
def test_other_urls_and_inline_passwords_are_refused(tmp_path, url, message):
    with pytest.raises(ConfigError, match=message):
        load_config(_config(tmp_path, url))


def test_password_comes_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv("MONITOR_DB_PASSWORD", "s3cret")
    cfg = load_config(_config(tmp_path, "postgresql://monitor@db.example/monitor",
                              "  database_password: env:MONITOR_DB_PASSWORD\n"))
    assert cfg.settings.paths.database_password.get_secret_value() == "s3cret"
    monkeypatch.delenv("MONITOR_DB_PASSWORD")
    with pytest.raises(ConfigError, match="MONITOR_DB_PASSWORD is not set"):
        load_config(_config(tmp_path, "postgresql://monitor@db.example/monitor",
                            "  database_password: env:MONITOR_DB_PASSWORD\n"))


def test_no_server_is_a_storage_error_naming_it(pg_server):
    url = pg_server.url("x").replace(f"port={pg_server.PORT}", "port=1")
    with pytest.raises(StorageError, match="cannot connect to PostgreSQL at"):
        open_store(url)


def test_replicas_starting_together_migrate_once(pg_url):
    """Five stores opened at once on a new database: one applies the migrations, all work."""
    stores, errors = [], []

    def open_one(n: int) -> None:
        try:
            stores.append(open_store(pg_url, replica=f"r{n}"))
        except Exception as exc:  # reported by the assertion below
            errors.append(exc)

    threads = [threading.Thread(target=open_one, args=(n,)) for n in range(5)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    try:
        assert errors == []
        assert stores[0].migrations() == [m.name for m in MIGRATIONS]
        assert all(s.count("feeds") == 0 for s in stores)
    finally:
        for s in stores:
            s.close()


def test_refuses_a_database_of_another_program(pg_url):
    import psycopg

    with psycopg.connect(pg_url, autocommit=True) as conn:
        conn.execute("CREATE TABLE photos (id int)")
    with pytest.raises(StorageError, match="tables of another program"):
        open_store(pg_url)
