"""Running slow work (jieba, imports, building the sample project) off the GUI thread.

A task is a plain function; its result or its error comes back as a signal delivered on the GUI thread.
"""

from __future__ import annotations

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
                result = self._function(self.signals.progress.emit, lambda: self.cancelled)
            else:
                result = self._function()
        except BaseException as error:  # noqa: BLE001 - every failure must reach the user, not stderr
            error.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.failed.emit(error)
        else:
            self.signals.finished.emit(result)


_running: set[Task] = set()  # Python must keep tasks (and their signal objects) alive while they run


def start(task: Task) -> Task:
    _running.add(task)
    task.setAutoDelete(False)
    task.signals.finished.connect(lambda _result: _running.discard(task))
    task.signals.failed.connect(lambda _error: _running.discard(task))
    QThreadPool.globalInstance().start(task)
    return task
