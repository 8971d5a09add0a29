"""Imports that cost nothing until used: ``defer`` puts a module in ``sys.modules`` whose code
runs on the first access to one of its attributes.

Libraries import at their top what only some of their functions need (structlog imports asyncio
for async logging methods, feedparser chardet and an HTTP client, xml.sax.saxutils
urllib.request). Each such module is code and data held for the process's life and counted in
its RSS. A process names the ones it rarely needs (``workers.DEFER``, ``cli.DEFER``) before
anything imports them; an ``import`` of one then binds the name, and the module loads, in full
and as a plain import would have made it, when it is first used.
"""

from __future__ import annotations

import sys
import threading
from collections.abc import Sequence
from types import ModuleType
from typing import Any


class _Deferred(ModuleType):
    """A module whose code has not run yet: the first attribute it lacks runs it (see
    ``defer``). Its ``__spec__``, ``__name__`` and ``__path__`` are there from the start, so an
    ``import`` statement finds it in ``sys.modules`` without running it."""

    def __getattr__(self, attr: str) -> Any:
        if attr == "__path__" and self.__spec__.submodule_search_locations is None:  # type: ignore[union-attr]
            raise AttributeError(attr)  # not a package: `from m import x` asks that first
        with _LOCK:
            if type(self) is _Deferred:  # not run by another thread meanwhile
                self.__class__ = ModuleType  # type: ignore[assignment]
                try:
                    self.__spec__.loader.exec_module(self)  # type: ignore[union-attr]
                except BaseException:
                    sys.modules.pop(self.__name__, None)  # as a failed import leaves it
                    raise
        return getattr(self, attr)


_LOCK = threading.RLock()


def defer(names: Sequence[str]) -> None:
    """Put each of ``names`` (not imported yet) in ``sys.modules`` as a module whose code runs
    on the first access to one of its attributes: an ``import`` of it binds the name and costs
    nothing until the module is used, and then the module is what a plain import would have
    made. A name that is already imported, or not installed, is left as it is. A submodule
    whose package is not imported yet is found by ``from package import name`` (and by
    ``package.name`` if the package resolves its submodules itself, as dateutil does); for
    ``package.name`` otherwise, call ``attach`` once the package is imported."""
    from importlib.machinery import PathFinder
    from importlib.util import find_spec, module_from_spec

    for name in names:
        if name in sys.modules:
            continue
        parent = name.rpartition(".")[0]
        if not parent or parent in sys.modules:
            spec = find_spec(name)
        else:  # found in the parent package's folder without importing the package
            pspec = find_spec(parent)
            places = pspec.submodule_search_locations if pspec else None
            spec = PathFinder.find_spec(name, places) if places else None
        if spec is None or spec.loader is None or not hasattr(spec.loader, "exec_module"):
            continue
        module = module_from_spec(spec)
        module.__class__ = _Deferred
        sys.modules[name] = module
    attach(names)


def attach(names: Sequence[str]) -> None:
    """Make each deferred module of ``names`` an attribute of its package, once that package
    is imported (``import a.b`` then ``a.b.x`` reads it there; an import of the package that
    found its submodule deferred in ``sys.modules`` did not set it)."""
    for name in names:
        parent, _, leaf = name.rpartition(".")
        module, package = sys.modules.get(name), sys.modules.get(parent)
        if module is not None and package is not None and not hasattr(package, leaf):
            setattr(package, leaf, module)
