"""/healthz, /metrics and `monitor health`, on real sockets on 127.0.0.1."""

from __future__ import annotations

import json
import socket
import urllib.error
import urllib.request
from datetime import UTC, datetime, timedelta

import pytest
from click.testing import CliRunner
from prometheus_client.parser import text_string_to_metric_families

from monitor.cli import cli
from monitor.health import HealthServer, tick_health
from monitor.metrics import Metrics
from monitor.store import open_store
from monitor.types import MatchedItem, PollOutcome

from builders import intent, item, result
from daemon_helpers import ROOT, Daemon, write_config

DEMO_FEED = ROOT / "config" / "demo-feeds" / "wire.xml"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def get(url: str) -> tuple[int, str]:
    try:
        with urllib.request.urlopen(url, timeout=5) as resp:
            return resp.status, resp.read().decode()
    except urllib.error.HTTPError as exc:
        return exc.code, exc.read().decode()


def samples(text: str) -> dict[tuple[str, tuple], float]:
    out = {}
    for family in text_string_to_metric_families(text):
        for s in family.samples:
            out[(s.name, tuple(sorted(s.labels.items())))] = s.value
    return out


class Clock:
    """The last tick the server reports on, set by the test."""

    def __init__(self) -> None:
        self.last: datetime | None = None


@pytest.fixture
def server():
    clock, metrics, port = Clock(), Metrics(), free_port()
    srv = HealthServer("127.0.0.1", port,
                       lambda: tick_health(clock.last, 2.0, datetime.now(UTC)), metrics).start()
    yield srv, clock, metrics, port
    srv.stop()


def test_healthz_follows_the_scheduler_tick(server):
    """503 before the first tick, 200 right after one, 503 once two intervals pass."""
    srv, clock, _, _ = server
    code, body = get(srv.url + "/healthz")
    assert (code, json.loads(body)["status"]) == (503, "starting")
    clock.last = datetime.now(UTC)
    code, body = get(srv.url + "/healthz")
    assert (code, json.loads(body)["status"]) == (200, "ok")
    clock.last = datetime.now(UTC) - timedelta(seconds=2.5)
    code, body = get(srv.url + "/healthz")
    assert code == 503
    assert json.loads(body)["status"] == "stale" and json.loads(body)["age_seconds"] >= 2.5
    assert get(srv.url + "/nope")[0] == 404


def test_metrics_count_polls_items_alerts_and_failing_feeds(server, tmp_path):
    """Polls by status, new items, alerts by severity and entity, duration histogram,
    failing feeds and last success per feed, in the Prometheus text format."""
    srv, _, metrics, _ = server
    store = open_store(tmp_path / "m.db")
    metrics.load(store, ["wire", "bbc"])
    it = item("wire", guid="1")
    store.record_poll(intent("wire", [it], [MatchedItem(it, result("nicolas-maduro", "high"))]),
                      window=0)
    now = datetime.now(UTC)
    metrics.observe(PollOutcome("wire", "ok", entries=3, new=3, matched=1, alerts=1,
                                duration=0.2), now)
    metrics.count_new_alerts(store)
    metrics.observe(PollOutcome("bbc", "error", error="HTTP 500", duration=1.5,
                                fetch_duration=1.2), now)
    store.close()
    code, text = get(srv.url + "/metrics")
    assert code == 200
    m = samples(text)
    assert m[("monitor_polls_total", (("status", "ok"),))] == 1
    assert m[("monitor_polls_total", (("status", "error"),))] == 1
    assert m[("monitor_items_new_total", ())] == 3
    assert m[("monitor_alerts_total", (("severity", "high"),))] == 1
    assert m[("monitor_entity_alerts_total",
              (("entity", "nicolas-maduro"), ("severity", "high")))] == 1
    assert m[("monitor_fetch_duration_seconds_count", (("status", "error"),))] == 1
    assert m[("monitor_fetch_duration_seconds_bucket", (("le", "2.5"), ("status", "error")))] == 1
    assert m[("monitor_fetch_duration_seconds_bucket", (("le", "1.0"), ("status", "error")))] == 0
    assert m[("monitor_poll_duration_seconds_sum", (("status", "ok"),))] == 0.2
    assert m[("monitor_feeds_failing", ())] == 1
    assert m[("monitor_feed_last_success_timestamp_seconds", (("feed", "wire"),))] == \
        pytest.approx(now.timestamp())
    assert ("monitor_feed_last_success_timestamp_seconds", (("feed", "bbc"),)) not in m


def test_monitor_health_exit_codes(server, tmp_path):
    """`monitor health` exits 0 while /healthz says 200 and 1 when stale, unreachable, off,
    or when the config is broken (never 2, which Docker reserves)."""
    _, clock, _, port = server

    def health(extra: str) -> tuple[int, str]:
        cfg = write_config(tmp_path, {"wire": "http://127.0.0.1:9/w"}, extra=extra)
        res = CliRunner().invoke(cli, ["health", "--config", str(cfg), "--timeout", "2"])
        return res.exit_code, res.output

    clock.last = datetime.now(UTC)
    code, out = health(f"http: {{port: {port}}}")
    assert code == 0 and out.splitlines()[-1].startswith("healthy: 200")
    clock.last = datetime.now(UTC) - timedelta(minutes=1)
    code, out = health(f"http: {{port: {port}}}")
    assert code == 1 and "stale" in out
    code, out = health(f"http: {{port: {free_port()}}}")
    assert code == 1 and "no answer" in out
    code, out = health("http: {enabled: false}")
    assert code == 1 and "endpoint is off" in out
    code, out = health("http: {prot: 1}")
    assert code == 1 and "unhealthy" in out


def test_a_wildcard_bind_is_probed_on_loopback(tmp_path):
    """http.address 0.0.0.0 (a container) is checked at 127.0.0.1."""
    port = free_port()
    srv = HealthServer("0.0.0.0", port, lambda: tick_health(datetime.now(UTC), 2.0,
                                                             datetime.now(UTC)), None).start()
    try:
        cfg = write_config(tmp_path, {"w": "http://127.0.0.1:9/w"},
                           extra=f"http: {{address: 0.0.0.0, port: {port}}}")
        res = CliRunner().invoke(cli, ["health", "--config", str(cfg)])
    finally:
        srv.stop()
    assert res.exit_code == 0, res.output


def test_running_daemon_serves_healthz_and_metrics(tmp_path):
    """A real `monitor run`: /healthz 200 while it runs, /metrics counts its polls, and
    `monitor health` agrees; the port is closed after SIGTERM."""
    pytest.importorskip("monitor.fetch", reason="the fetch stage has not landed yet")
    port = free_port()
    config = write_config(tmp_path, {"wire": DEMO_FEED.as_uri()}, extra=f"http: {{port: {port}}}")
    daemon = Daemon(config, tmp_path)
    try:
        daemon.wait_for(lambda: daemon.count("polled") >= 1, what="a poll")
        code, body = get(f"http://127.0.0.1:{port}/healthz")
        assert code == 200 and json.loads(body)["status"] == "ok"
        m = samples(get(f"http://127.0.0.1:{port}/metrics")[1])
        assert sum(v for (name, _), v in m.items() if name == "monitor_polls_total") >= 1
        assert m[("monitor_feed_last_success_timestamp_seconds", (("feed", "wire"),))] > 0
        res = CliRunner().invoke(cli, ["health", "--config", str(config)])
        assert res.exit_code == 0, res.output
        assert daemon.stop() == 0
    finally:
        if daemon.proc.poll() is None:
            daemon.kill()
    with pytest.raises(OSError), socket.create_connection(("127.0.0.1", port), timeout=1):
        pass
