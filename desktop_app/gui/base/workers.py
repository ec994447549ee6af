"""Running slow work (jieba, imports, building the sample project) off the GUI thread.

A task is a plain function; its result or its error comes back as a signal delivered on the GUI thread.
"""

from __future__ import annotations

import sys
import time
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal


class TaskSignals(QObject):
    finished = Signal(object)
    failed = Signal(object)  # the exception
    progress = Signal(int, int, str)


class Task(QRunnable):
    def __init__(self, function: Callable[..., Any], *, with_progress: bool = False) -> None:
        super().__init__()
        self.signals = TaskSignals()
        self._function = function
        self._with_progress = with_progress
        self.cancelled = False

    def run(self) -> None:
        try:
            if self._with_progress:
                result = self._function(_throttled(self.signals.progress.emit), lambda: self.cancelled)
            else:
                result = self._function()
        except BaseException as error:  # noqa: BLE001 - every failure must reach the user, not stderr
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


# Seconds between progress signals. Each one runs a Python slot on the GUI thread, which must first win
# the GIL from the busy worker (up to 5 ms a time): reported per file or per row, they queue up, the
# progress dialog shows late and a click on Cancel waits behind them.
PROGRESS_INTERVAL = 0.05


def _throttled(emit: Callable[[int, int, str], None]) -> Callable[[int, int, str], None]:
    last = -PROGRESS_INTERVAL

    def report(done: int, total: int, name: str) -> None:
        nonlocal last
        now = time.monotonic()
        if now - last >= PROGRESS_INTERVAL or done >= total:
            last = now
            emit(done, total, name)

    return report


_running: set[Task] = set()  # Python must keep tasks (and their signal objects) alive while they run


# How long a thread may hold the GIL while another waits for it. Python's 5 ms let a worker importing
# or segmenting keep the GUI thread waiting 5 ms at every Python slot and event filter: a progress
# dialog appeared a second late and Cancel answered late. 1 ms keeps the window responsive.
GUI_SWITCH_INTERVAL = 0.001


def start(task: Task) -> Task:
    if sys.getswitchinterval() > GUI_SWITCH_INTERVAL:
        sys.setswitchinterval(GUI_SWITCH_INTERVAL)
    _running.add(task)
    task.setAutoDelete(False)
    task.signals.finished.connect(lambda _result: _running.discard(task))
    task.signals.failed.connect(lambda _error: _running.discard(task))
    QThreadPool.globalInstance().start(task)
    return task
