"""The Dockerfile, checked without a Docker engine: what it names exists, and its commands run.

There is no Docker here, so the image is imitated: the files the Dockerfile copies are copied to
a temporary build context, a wheel is built from exactly those, installed into a fresh venv,
and the image's commands (`monitor check-config`, `monitor health`) run from that venv against
the config laid out as the image lays it (/config, /seeds, /data).

The fast test installs only the wheel into the fresh venv and borrows the dependencies from the
project's venv (a .pth file): a full install from the package index takes a minute, so that one
runs with the slow tests (`make test-slow`), with the very pip command of the Dockerfile.
"""

from __future__ import annotations

import fnmatch
import json
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import venv
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DOCKERFILE = ROOT / "Dockerfile"


def instructions() -> list[tuple[int, str, str]]:
    """(stage, INSTRUCTION, arguments), continuation lines joined, comments dropped."""
    out: list[tuple[int, str, str]] = []
    stage, buf = -1, ""
    for raw in DOCKERFILE.read_text(encoding="utf-8").splitlines():
        line = raw.strip()
        if not buf and (not line or line.startswith("#")):
            continue
        if line.endswith("\\"):
            buf += line[:-1] + " "
            continue
        line, buf = buf + line, ""
        keyword, _, args = line.partition(" ")
        keyword = keyword.upper()
        if keyword == "FROM":
            stage += 1
        out.append((stage, keyword, args.strip()))
    return out


def final(keyword: str) -> list[str]:
    ins = instructions()
    last = max(s for s, _, _ in ins)
    return [a for s, k, a in ins if s == last and k == keyword]


def copy_sources() -> list[tuple[str, str]]:
    """(source in the build context, destination) of every COPY that is not --from."""
    pairs = []
    for _, keyword, args in instructions():
        if keyword == "COPY" and not args.startswith("--from"):
            *sources, dest = args.split()
            pairs += [(s, dest) for s in sources]
    return pairs


def test_base_image_is_pinned_and_final_stage_has_no_compilers():
    """Both stages use one python:X.Y.Z-slim-<debian> tag; compilers only in the build stage."""
    froms = [a for _, k, a in instructions() if k == "FROM"]
    assert len(froms) == 2, "multi-stage: a build stage and a run stage"
    images = [f.split()[0] for f in froms]
    assert images[0] == images[1]
    assert re.fullmatch(r"python:3\.11\.\d+-slim-[a-z]+", images[0]), images[0]
    for keyword in ("RUN",):
        for command in final(keyword):
            assert not re.search(r"build-essential|gcc|g\+\+|\bmake\b|-dev\b", command), command


def test_runs_as_non_root_with_data_volume_healthcheck_and_exec_form_commands():
    """USER is not root, /data is a volume, CMD and HEALTHCHECK are exec form, SIGTERM stops."""
    (user,) = final("USER")
    assert user.split(":")[0] not in ("root", "0")
    assert "/data" in json.loads(final("VOLUME")[0])
    assert json.loads(final("CMD")[0]) == ["monitor", "run", "--config", "/config/monitor.yaml"]
    (health,) = final("HEALTHCHECK")
    cmd = json.loads(health.split(" CMD ", 1)[1])
    assert cmd[:2] == ["monitor", "health"] and "/config/monitor.yaml" in cmd
    assert final("STOPSIGNAL") == ["SIGTERM"]


def test_every_copied_path_exists_and_is_not_dockerignored():
    """Each COPY source exists in the repository and .dockerignore does not drop it."""
    ignore = [p.strip() for p in (ROOT / ".dockerignore").read_text().splitlines()
              if p.strip() and not p.startswith("#")]
    sources = copy_sources()
    assert {d for _, d in sources} >= {"/config/", "/seeds/"}
    for src, _ in sources:
        path = ROOT / src
        assert path.exists(), src
        rel = src.rstrip("/")
        for pattern in ignore:
            assert not (fnmatch.fnmatch(rel, pattern) or rel.startswith(pattern + "/")), \
                f"{src} is excluded by .dockerignore pattern {pattern}"


def test_venv_path_and_pip_command_match_the_readme():
    """The venv the build stage creates is the one copied and on PATH, and it is installed
    with the README's pip commands: the hash-checked lock, then the package without
    dependencies, then pip check."""
    ins = instructions()
    runs = [a for s, k, a in ins if k == "RUN" and s == 0]
    (venv_cmd,) = [r for r in runs if "-m venv" in r]
    venv_dir = venv_cmd.split()[-1]
    assert f"COPY --from=build {venv_dir} {venv_dir}" in [f"COPY {a}" for a in final("COPY")]
    assert any(f"PATH={venv_dir}/bin" in e for e in final("ENV"))
    (pip_cmd,) = [r for r in runs if "pip install" in r]
    assert pip_cmd in (ROOT / "README.md").read_text(encoding="utf-8")
    assert pip_cmd.split(" && ") == [
        "python -m pip install --require-hashes --no-deps -r requirements.lock",
        "python -m pip install --no-deps .", "python -m pip check"]


def _context(tmp_path: Path) -> Path:
    """A build context holding only what the build stage copies (as Docker would see it)."""
    ctx = tmp_path / "context"
    ctx.mkdir()
    for src, _ in copy_sources():
        if src.rstrip("/") in ("config", "seeds"):
            continue  # run-stage files, laid out by _image
        s = ROOT / src
        if s.is_dir():
            shutil.copytree(s, ctx / src, ignore=shutil.ignore_patterns("__pycache__"))
        else:
            shutil.copy2(s, ctx / src)
    return ctx


def _image(tmp_path: Path) -> Path:
    """The run stage's file system: /config, /seeds and an empty /data."""
    root = tmp_path / "image"
    for src, dest in copy_sources():
        if dest.startswith("/") and src.rstrip("/") in ("config", "seeds"):
            shutil.copytree(ROOT / src, root / dest.strip("/"))
    (root / "data").mkdir(parents=True)
    return root


def _run_image_commands(bin_dir: Path, image: Path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONPATH", "MONITOR_CONFIG")}
    env["PATH"] = f"{bin_dir}{os.pathsep}{env.get('PATH', '')}"
    config = image / "config" / "monitor.yaml"
    check = subprocess.run([bin_dir / "monitor", "check-config", "--config", config],
                           cwd=image / "data", env=env, capture_output=True, text=True,
                           timeout=120)
    assert check.returncode == 0, check.stderr
    assert check.stdout.startswith(f"{config}: ok:")
    where = subprocess.run([bin_dir / "python", "-c",
                            "import monitor, monitor.config as c; print(monitor.__file__); "
                            f"print(c.load_config({str(config)!r}).database)"],
                           cwd=image / "data", env=env, capture_output=True, text=True,
                           timeout=60)
    module_file, database = where.stdout.split()
    assert module_file.startswith(str(bin_dir.parent)), "monitor came from outside the venv"
    assert database == str(image / "data" / "monitor.db")  # /data/monitor.db in the image
    health = subprocess.run([bin_dir / "monitor", "health", "--config", config, "--timeout", "1"],
                            cwd=image / "data", env=env, capture_output=True, text=True,
                            timeout=60)
    # 1 unless a daemon happens to serve the default port here; its exit codes are tested in
    # test_health.py: what matters here is that the HEALTHCHECK command runs from the venv
    assert health.returncode in (0, 1)
    assert (health.stdout + health.stderr).startswith(("healthy: ", "unhealthy: "))


def test_entrypoint_runs_from_a_fresh_venv_with_the_built_wheel(tmp_path):
    """A wheel built from the Dockerfile's build context, in a fresh venv, runs the image's
    commands against /config and /seeds as the image lays them out."""
    ctx = _context(tmp_path)
    wheels = tmp_path / "wheels"
    build = subprocess.run([sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w",
                            wheels, ctx], capture_output=True, text=True, timeout=300)
    assert build.returncode == 0, build.stderr
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=False)
    (wheel,) = wheels.glob("*.whl")
    install = subprocess.run([sys.executable, "-m", "pip", "--python", fresh / "bin" / "python",
                              "install", "--no-deps", "-q", wheel],
                             capture_output=True, text=True, timeout=300)
    assert install.returncode == 0, install.stderr
    # dependencies: borrowed from the project's venv, after the fresh venv's own packages
    site = subprocess.run([fresh / "bin" / "python", "-c",
                           "import sysconfig; print(sysconfig.get_paths()['purelib'])"],
                          capture_output=True, text=True, check=True).stdout.strip()
    Path(site, "project-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n")
    _run_image_commands(fresh / "bin", _image(tmp_path))
    # the alert line's JSON Schema ships in the package (package data, not only the checkout)
    schema = subprocess.run([fresh / "bin" / "monitor", "schema"], capture_output=True,
                            text=True, timeout=60)
    assert schema.returncode == 0 and '"title": "monitor alert line"' in schema.stdout


@pytest.mark.slow
def test_entrypoint_runs_after_the_dockerfile_pip_install(tmp_path):
    """The Dockerfile's own steps: a venv, its pip command in the build context (dependencies
    from the package index), then the image's commands."""
    ctx = _context(tmp_path)
    runs = [a for s, k, a in instructions() if k == "RUN" and s == 0]
    (pip_cmd,) = [r for r in runs if "pip install" in r]
    fresh = tmp_path / "venv"
    venv.create(fresh, with_pip=True)
    for command in pip_cmd.split(" && "):  # lock, package, pip check: each must succeed
        args = command.split()
        assert args[:2] == ["python", "-m"]
        install = subprocess.run([fresh / "bin" / "python", *args[1:]], cwd=ctx,
                                 capture_output=True, text=True, timeout=900,
                                 env={**os.environ, "PIP_NO_CACHE_DIR": "1",
                                      "PIP_DISABLE_PIP_VERSION_CHECK": "1"})
        assert install.returncode == 0, (command, install.stdout[-3000:], install.stderr[-3000:])
    _run_image_commands(fresh / "bin", _image(tmp_path))
