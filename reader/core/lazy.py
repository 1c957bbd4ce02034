"""Names a package serves from its submodules, imported the first time one is asked for.

The reader's first frame must not pay for the aligner, rapidfuzz or the report writers
(``python -X importtime``: about 0.2 s and 46 ms), yet ``from reader.core.matching import align``
and ``from reader.core.report import to_json`` keep working.  One implementation of the module
``__getattr__`` hook (PEP 562) for every package that needs it.
"""

from __future__ import annotations

import importlib
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
