"""SIGKILL while coding: a child process codes in a loop the way the window does (one committed
transaction per coding, a checkpoint after it) and prints each annotation's id once it is committed;
killed at a random moment, every id it printed is in the project, and the project is sound."""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from pathlib import Path

CODER = textwrap.dedent("""
    import sys
    from desktop_app.core.annotate.operations import create_annotation
    from desktop_app.core.codebook.tree import list_codes
    from desktop_app.core.documents.listing import list_documents
    from desktop_app.core.store.project import open_project
    from desktop_app.core.store.wal import checkpoint

    project = open_project(sys.argv[1])
    with project.session_factory() as session:
        document = list_documents(session)[0]
        code = next(c.id for c in list_codes(session) if c.codable)
    print("ready", flush=True)
    n = 0
    while True:
        start = n % (document.chars - 4)
        with project.session_factory.begin() as session:
            info = create_annotation(session, document.id, start, start + 3, code, "killed", "")
        print(info.id, flush=True)  # acknowledged: committed
        checkpoint(project.engine)  # as the window does after each action: a kill may land in it
        n += 1
""")


def test_every_acknowledged_annotation_survives_sigkill(sample_project, tmp_path):
    script = tmp_path / "coder.py"
    script.write_text(CODER, encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(Path(__file__).resolve().parents[2]),
                                                        os.environ.get("PYTHONPATH", "")])}
    rng = random.Random()
    acknowledged: list[int] = []
    for _round in range(4):
        child = subprocess.Popen([sys.executable, str(script), str(sample_project)], stdout=subprocess.PIPE,
                                 text=True, env=env)
        assert child.stdout is not None
        assert child.stdout.readline().strip() == "ready"
        time.sleep(rng.uniform(0.2, 1.2))
        child.send_signal(signal.SIGKILL)
        out, _ = child.communicate(timeout=30)
        assert child.returncode == -signal.SIGKILL
        printed = [int(line) for line in out.split()]
        assert printed, "the child acknowledged nothing before it was killed"
        acknowledged += printed

    connection = sqlite3.connect(sample_project)
    try:
        assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
        stored = {row[0] for row in connection.execute("SELECT id FROM annotations")}
    finally:
        connection.close()
    missing = sorted(set(acknowledged) - stored)
    assert not missing, f"{len(missing)} acknowledged annotations were lost: {missing[:10]}"

