"""Check that a lock file pins every dependency pyproject.toml asks for, at a version it allows.

    python tools/lockcheck.py requirements-dev.lock --extra dev
    python tools/lockcheck.py requirements.lock

`make install` runs it before installing, so a dependency added to pyproject.toml without
`make lock` fails the install loudly instead of being left out (a hash-checked install of the lock
would not add it, and `pip install -e . --no-deps` would not either). Exit 0 when the lock is
complete; 1 with one line per problem and the fix.
"""

from __future__ import annotations

import argparse
import re
import sys
import tomllib
from pathlib import Path

try:
    from packaging.markers import default_environment
    from packaging.requirements import Requirement
except ImportError:  # a fresh venv: pip's own copy
    from pip._vendor.packaging.markers import default_environment
    from pip._vendor.packaging.requirements import Requirement

_PIN = re.compile(r"^([A-Za-z0-9][A-Za-z0-9._-]*)==([^\s;\\]+)")


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pinned(lock: Path) -> dict[str, str]:
    """{canonical name: version} of the lock's ``name==version`` lines."""
    out = {}
    for line in lock.read_text(encoding="utf-8").splitlines():
        m = _PIN.match(line)
        if m:
            out[canonical(m.group(1))] = m.group(2)
    return out


def problems(pyproject: Path, lock: Path, extras: list[str]) -> list[str]:
    project = tomllib.loads(pyproject.read_text(encoding="utf-8"))["project"]
    wanted = [(r, "dependencies") for r in project.get("dependencies", [])]
    optional = project.get("optional-dependencies", {})
    for extra in extras:
        if extra not in optional:
            return [f"{pyproject}: no extra {extra!r} in [project.optional-dependencies]"]
        wanted += [(r, f"optional-dependencies.{extra}") for r in optional[extra]]
    have = pinned(lock)
    out = []
    env = default_environment()
    for text, where in wanted:
        req = Requirement(text)
        if req.marker is not None and not any(
            req.marker.evaluate({**env, "extra": e}) for e in ["", *extras]
        ):
            continue
        version = have.get(canonical(req.name))
        if version is None:
            out.append(f"{lock} lacks {req.name} ({pyproject} {where}: {text!r})")
        elif req.specifier and not req.specifier.contains(version, prereleases=True):
            out.append(f"{lock} pins {req.name}=={version}, but {pyproject} {where} asks "
                       f"for {text!r}")
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("lock", type=Path)
    parser.add_argument("--pyproject", type=Path, default=Path("pyproject.toml"))
    parser.add_argument("--extra", action="append", default=[])
    args = parser.parse_args(argv)
    found = problems(args.pyproject, args.lock, args.extra)
    for line in found:
        print(f"error: {line}", file=sys.stderr)
    if found:
        print("error: the lock file is out of date: run `make lock` and commit the lock files",
              file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
