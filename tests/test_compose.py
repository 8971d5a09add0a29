"""docker-compose.yml, checked without a Docker engine: PostgreSQL 15 and three replicas of the
image, each a distinct --replica, all on config/replicas.yaml, which is valid and names the
shared database by URL with its password from the environment."""

from __future__ import annotations

from pathlib import Path

import yaml

from monitor.config import for_replica, load_config

ROOT = Path(__file__).resolve().parents[1]


def test_compose_runs_postgres_and_three_replicas_on_one_config(monkeypatch):
    compose = yaml.safe_load((ROOT / "docker-compose.yml").read_text())
    services = compose["services"]
    assert services["postgres"]["image"] == "postgres:15"
    replicas = {k: v for k, v in services.items() if k != "postgres"}
    assert len(replicas) == 3
    names = set()
    for svc in replicas.values():
        cmd = svc["command"]
        assert cmd[:2] == ["monitor", "run"] and svc["build"] == "."
        names.add(cmd[cmd.index("--replica") + 1])
        config = cmd[cmd.index("--config") + 1]
        assert config == "/config/replicas.yaml"  # the image ships config/ at /config
        assert svc["depends_on"]["postgres"]["condition"] == "service_healthy"
        assert "MONITOR_DB_PASSWORD" in svc["environment"]
    assert len(names) == 3

    monkeypatch.setenv("MONITOR_DB_PASSWORD", "change-me")
    cfg = load_config(ROOT / "config" / "replicas.yaml")
    assert cfg.database == "postgresql://monitor@postgres:5432/monitor"
    assert cfg.settings.paths.database_password.get_secret_value() == "change-me"
    logs = {for_replica(cfg, n).alert_log.name for n in names}
    assert logs == {f"alerts-{n}.jsonl" for n in names}
