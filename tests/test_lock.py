"""Reproducible installs: the lock files pin everything pyproject.toml asks for, and
`make install` refuses to install when they do not."""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CHECK = ROOT / "tools" / "lockcheck.py"


def _check(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, str(CHECK), *args], cwd=cwd, capture_output=True,
                          text=True, timeout=60)


def _pins(lock: Path) -> dict[str, str]:
    return dict(re.findall(r"^([a-z0-9][a-z0-9._-]*)==(\S+)", lock.read_text(), re.M))


def test_the_lock_files_are_complete_and_agree():
    """Both lock files pin every dependency pyproject.toml lists (the dev lock with the dev
    extra) at an allowed version, each pin with its hashes; the Docker image's lock is the dev
    lock minus the dev tools, at the same versions."""
    assert _check("requirements-dev.lock", "--extra", "dev").returncode == 0
    assert _check("requirements.lock").returncode == 0
    runtime, dev = _pins(ROOT / "requirements.lock"), _pins(ROOT / "requirements-dev.lock")
    assert runtime and {k: dev.get(k) for k in runtime} == runtime
    assert {"pytest", "ruff"} <= set(dev) - set(runtime)
    for lock in ("requirements.lock", "requirements-dev.lock"):
        blocks = re.split(r"\n(?=[a-z0-9])", (ROOT / lock).read_text())[1:]  # one per pin
        assert len(blocks) == len(_pins(ROOT / lock))
        assert all("--hash=sha256:" in b for b in blocks), lock


def test_a_dependency_missing_from_the_lock_is_named(tmp_path):
    """A package pyproject.toml lists but the lock lacks, or pins at a version pyproject does
    not allow, is an error naming it, with the fix."""
    pyproject = tmp_path / "pyproject.toml"
    text = (ROOT / "pyproject.toml").read_text()
    pyproject.write_text(text.replace('"click>=8.1",', '"click>=99", "toolz[extra]>=0.12",'))
    done = _check("requirements.lock", "--pyproject", str(pyproject))
    assert done.returncode == 1
    assert "requirements.lock lacks toolz" in done.stderr
    assert re.search(r"pins click==\S+, but .* asks for 'click>=99'", done.stderr)
    assert "run `make lock`" in done.stderr


def test_make_install_stops_before_installing_when_the_lock_lacks_a_package(tmp_path):
    """`make install` with a pyproject.toml listing a package the lock lacks fails, naming it,
    before pip installs anything into the new venv."""
    for name in ("Makefile", "requirements.lock", "requirements-dev.lock"):
        shutil.copy2(ROOT / name, tmp_path / name)
    shutil.copytree(ROOT / "tools", tmp_path / "tools")
    text = (ROOT / "pyproject.toml").read_text()
    (tmp_path / "pyproject.toml").write_text(text.replace('"pytest>=8.0",',
                                                          '"pytest>=8.0", "toolz>=0.12",'))
    done = subprocess.run(["make", "install", f"PYTHON={sys.executable}"], cwd=tmp_path,
                          capture_output=True, text=True, timeout=300)
    assert done.returncode != 0
    assert "requirements-dev.lock lacks toolz" in done.stderr
    assert not (tmp_path / ".venv" / "bin" / ".installed").exists()
    assert not list((tmp_path / ".venv" / "lib").glob("python*/site-packages/structlog"))
