"""Pausing the cyclic garbage collector while bulk work builds many objects that all live until it ends.

An import or export keeps hundreds of thousands of objects alive (records, cleaning entries, token
lists); the collector would traverse them again and again, for a tenth to a fifth of the work's time,
and find almost no cycles. The pause is counted, so bulk work running on two threads at once (an
export from the window while an import runs) composes: the collector comes back when the last ends.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

_lock = threading.Lock()
_pauses = 0
_was_enabled = False


@contextmanager
def gc_paused() -> Iterator[None]:
    global _pauses, _was_enabled
    with _lock:
        if _pauses == 0:
            _was_enabled = gc.isenabled()
            gc.disable()
        _pauses += 1
    try:
        yield
    finally:
        with _lock:
            _pauses -= 1
            if _pauses == 0 and _was_enabled:
                gc.enable()
