"""What the reader's first frame need not pay for, made on first use.

Names a package serves from its submodules, imported the first time one is asked for: the
reader's first frame must not pay for the aligner, rapidfuzz or the report writers
(``python -X importtime``: about 0.2 s and 46 ms), yet ``from reader.core.matching import align``
and ``from reader.core.report import to_json`` keep working.  One implementation of the module
``__getattr__`` hook (PEP 562) for every package that needs it.

Regular expressions compiled on first use (:class:`LazyPattern`): the segmenter's furniture and
sentence patterns took about 10 ms to compile at import, paid by every start of the reader even
when nothing is segmented before the first frame (web pages are read in the downloader process).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Mapping, MutableMapping
from typing import Any


def lazy_getattr(
    package: str, names: Mapping[str, str], namespace: MutableMapping[str, Any]
) -> Callable[[str], Any]:
    """A module ``__getattr__`` serving each of ``names`` (name -> submodule of ``package``)
    from its submodule on first use, then from ``namespace`` (the package's ``globals()``), so
    the hook runs once per name."""

    def __getattr__(name: str) -> Any:
        module = names.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(f"{package}.{module}"), name)
        namespace[name] = value
        return value

    return __getattr__


class LazyPattern:
    """A regular expression compiled the first time one of its methods is used.

    Use it like the compiled pattern (``match``, ``search``, ``finditer``...).  The first look-up
    compiles it and keeps the compiled pattern's own bound methods on the instance, so later
    calls cost one attribute look-up, as for a module-level ``re.compile``.
    """

    _METHODS = ("match", "fullmatch", "search", "finditer", "findall", "sub", "subn", "split")

    def __init__(self, pattern: str, flags: int = 0) -> None:
        self._source = (pattern, flags)

    def __getattr__(self, name: str) -> Any:
        if name.startswith("__") or name in ("_source", "_compiled"):
            raise AttributeError(name)
        compiled = self.__dict__.get("_compiled")
        if compiled is None:
            compiled = self._compiled = re.compile(*self._source)
            for method in self._METHODS:
                setattr(self, method, getattr(compiled, method))
        return getattr(compiled, name)

    @property
    def compiled(self) -> bool:
        """Whether it has been compiled yet (for tests)."""
        return "_compiled" in self.__dict__
