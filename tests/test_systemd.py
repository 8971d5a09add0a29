"""systemd notify protocol, against a real Unix datagram socket (path and abstract)."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
import structlog

from monitor.systemd import Notifier

from daemon_helpers import ROOT, Daemon, write_config

DEMO_FEED = ROOT / "config" / "demo-feeds" / "wire.xml"


@pytest.fixture
def abstract_socket() -> Iterator[tuple[str, socket.socket]]:
    """A datagram socket in the abstract namespace, as NOTIFY_SOCKET names it ("@...")."""
    name = f"monitor-test-{uuid.uuid4().hex}"
    sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
    sock.bind(b"\0" + name.encode())
    sock.settimeout(20)  # a loaded machine can take more than 5 s to start the daemon
    yield "@" + name, sock
    sock.close()


def recv(sock: socket.socket) -> str:
    return sock.recv(4096).decode()


def test_ready_and_stopping_to_a_socket_path():
    """NOTIFY_SOCKET=/path: READY=1 with a status line, then STOPPING=1."""
    with tempfile.TemporaryDirectory(dir="/tmp") as d:  # short: sun_path is 108 bytes
        path = os.path.join(d, "notify")
        sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        sock.bind(path)
        sock.settimeout(20)  # a loaded machine can take more than 5 s to start the daemon
        n = Notifier.from_env({"NOTIFY_SOCKET": path})
        assert n.ready("polling 3 feeds")
        assert recv(sock) == "READY=1\nSTATUS=polling 3 feeds"
        assert n.stopping()
        assert recv(sock) == "STOPPING=1"
        sock.close()


def test_abstract_namespace_address(abstract_socket):
    """NOTIFY_SOCKET=@name is sent to the abstract address (leading NUL byte)."""
    address, sock = abstract_socket
    n = Notifier.from_env({"NOTIFY_SOCKET": address})
    assert n.reloading()
    lines = recv(sock).split("\n")
    assert lines[0] == "RELOADING=1" and lines[1].startswith("MONOTONIC_USEC=")


def test_watchdog_pings_at_half_the_interval(abstract_socket):
    """WATCHDOG_USEC=2s: a ping at once, none before 1s has passed, another after."""
    address, sock = abstract_socket
    n = Notifier.from_env({"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "2000000"})
    assert n.watchdog(now=100.0)
    assert recv(sock) == "WATCHDOG=1"
    assert not n.watchdog(now=100.9)
    assert n.watchdog(now=101.0)
    assert recv(sock) == "WATCHDOG=1"


def test_watchdog_for_another_pid_is_ignored(abstract_socket):
    """WATCHDOG_PID naming another process: this one does not ping."""
    address, _ = abstract_socket
    n = Notifier.from_env({"NOTIFY_SOCKET": address, "WATCHDOG_USEC": "2000000",
                           "WATCHDOG_PID": str(os.getpid() + 1)})
    assert not n.watchdog(now=0.0)


def test_without_systemd_or_with_a_dead_socket_nothing_breaks():
    """No NOTIFY_SOCKET: calls do nothing; an unreachable socket is logged once, not raised."""
    assert not Notifier.from_env({}).ready()
    n = Notifier.from_env({"NOTIFY_SOCKET": f"@nobody-listens-{uuid.uuid4().hex}"})
    with structlog.testing.capture_logs() as events:
        assert not n.ready()
        assert not n.stopping()
    assert [e["event"] for e in events] == ["systemd_notify_failed"]


def test_monitor_run_notifies_ready_watchdog_reload_and_stopping(tmp_path, abstract_socket,
                                                                 monkeypatch):
    """A real `monitor run` under a fake systemd: READY, WATCHDOG pings, RELOADING+READY on
    SIGHUP, STOPPING on SIGTERM, exit 0."""
    pytest.importorskip("monitor.fetch", reason="the fetch stage has not landed yet")
    address, sock = abstract_socket
    config = write_config(tmp_path, {"wire": DEMO_FEED.as_uri()}, extra="http: {enabled: false}")
    monkeypatch.setenv("NOTIFY_SOCKET", address)
    monkeypatch.setenv("WATCHDOG_USEC", "1000000")
    daemon = Daemon(config, tmp_path)
    try:
        got: list[str] = []

        def until(state: str) -> None:
            while True:
                msg = recv(sock)
                got.append(msg)
                if msg.split("\n")[0] == state:
                    return

        until("READY=1")
        until("WATCHDOG=1")
        until("WATCHDOG=1")
        daemon.signal(signal.SIGHUP)
        until("RELOADING=1")
        until("READY=1")
        daemon.signal(signal.SIGTERM)
        until("STOPPING=1")
        assert daemon.stop() == 0
    finally:
        if daemon.proc.poll() is None:
            daemon.kill()
    assert got[0].startswith("READY=1\nSTATUS=polling 1 feeds")


def test_unit_file_uses_notify_watchdog_and_hardening():
    """config/monitor.service: Type=notify, a watchdog, reload by SIGHUP, a state directory,
    sandboxing, and an ExecStart that is a real `monitor run --config` command line."""
    unit = (ROOT / "config" / "monitor.service").read_text(encoding="utf-8")
    settings: dict[str, list[str]] = {}
    for raw in unit.splitlines():
        line = raw.strip()
        if line and not line.startswith(("#", ";", "[")):
            key, _, value = line.partition("=")
            settings.setdefault(key.strip(), []).append(value.strip())
    assert settings["Type"] == ["notify"]
    assert int(settings["WatchdogSec"][0].rstrip("s")) >= 10
    assert settings["ExecReload"] == ["/bin/kill -HUP $MAINPID"]
    assert settings["StateDirectory"] == ["monitor"]
    assert settings["KillSignal"] == ["SIGTERM"]
    for hardening in ("NoNewPrivileges", "ProtectSystem", "ProtectHome", "PrivateTmp",
                      "PrivateDevices", "RestrictAddressFamilies", "SystemCallFilter",
                      "CapabilityBoundingSet"):
        assert hardening in settings, hardening
    exec_start = settings["ExecStart"][0].split()
    assert Path(exec_start[0]).name == "monitor" and exec_start[1:3] == ["run", "--config"]
    # AF_UNIX must stay allowed: the notify socket and the parser processes use it
    assert "AF_UNIX" in settings["RestrictAddressFamilies"][0]


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze not here")
def test_unit_file_passes_systemd_analyze_verify(tmp_path):
    """systemd's own checker accepts the unit (ExecStart pointed at this venv's monitor)."""
    unit = (ROOT / "config" / "monitor.service").read_text(encoding="utf-8")
    venv_monitor = Path(sys.executable).parent / "monitor"
    copy = tmp_path / "monitor.service"
    copy.write_text(unit.replace("/opt/monitor/.venv/bin/monitor", str(venv_monitor)),
                    encoding="utf-8")
    proc = subprocess.run(["systemd-analyze", "verify", str(copy)], capture_output=True,
                          text=True, timeout=60)
    assert proc.returncode == 0 and not proc.stderr.strip(), proc.stderr
