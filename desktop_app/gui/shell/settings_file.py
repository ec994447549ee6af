"""The settings file: readable by its owner only, and never holding a secret.

Keys that name a project name it by `redacted_location` (a team database's URL without its password).
Older versions keyed the last document by the full URL: `forget_secrets` removes such keys.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path

from PySide6.QtCore import QSettings

# A user:password@ in a key (QSettings folds the URL's // into one /), or a password query parameter.
_SECRET = re.compile(r":/+[^/@:]*:[^/@]*@|[?&](password|sslpassword)=", re.IGNORECASE)


def _file_of(settings: QSettings) -> Path | None:
    if os.name == "nt" and settings.format() == QSettings.Format.NativeFormat:
        return None  # the registry: the user's own hive
    name = settings.fileName()
    return Path(name) if name and os.path.isabs(name) else None


def protect(settings: QSettings) -> None:
    """Make the settings file user-only (0600), creating it so if it is not there yet: Qt rewrites it
    through a temporary file that keeps the permissions of the file it replaces."""
    path = _file_of(settings)
    if path is None:
        return
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_CREAT | os.O_WRONLY | os.O_APPEND, 0o600))
        os.chmod(path, 0o600)


def forget_secrets(settings: QSettings) -> None:
    for key in settings.allKeys():
        if _SECRET.search(key):
            settings.remove(key)
