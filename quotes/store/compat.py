"""The one place sqlite-utils is imported, without numpy/pandas when they are not loaded yet.

sqlite-utils imports numpy and pandas if they are installed (spaCy brings numpy) only to map their
scalar types to SQL types, which this package never stores. That import costs 100-300 ms, a large
part of a start-up budget of 0.5 s for `quotes search`, so while sqlite-utils is imported those
modules are made unimportable; afterwards they import normally.
"""

from __future__ import annotations

import sys

_BLOCKED = [name for name in ("numpy", "pandas") if name not in sys.modules]
for _name in _BLOCKED:
    sys.modules[_name] = None  # type: ignore[assignment]  # makes `import numpy` raise ImportError
try:
    import sqlite_utils
finally:
    for _name in _BLOCKED:
        del sys.modules[_name]

__all__ = ["sqlite_utils"]
