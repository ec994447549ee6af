"""Run one racer: `python start_line.py READY GO govcoder ARGS...` or `... READY GO rename PROJECT CODE_ID NAME`.

Everything the racer needs is imported first; then it says it is ready (creates READY) and waits for GO
to appear, so that racers reach the database together instead of one Python start-up apart.
`govcoder` runs the command's entry point exactly as the installed script does. `rename` does what the
window's rename does: one transaction around the core rename, printing the refusal as the CLI would.
"""

import os
import sys
import time
from pathlib import Path

import desktop_app.core.annotate.operations  # noqa: F401
from desktop_app.cli.main import main as govcoder
from desktop_app.core.codebook.operations import rename_code
from desktop_app.core.errors import GovCoderError
from desktop_app.core.store.project import open_project


def rename(project: str, code_id: str, name: str) -> int:
    try:
        with open_project(project) as opened, opened.session_factory.begin() as session:
            rename_code(session, int(code_id), name)
    except GovCoderError as error:
        print(f"govcoder: error: {error}", file=sys.stderr)
        return 1
    return 0


def main() -> int:
    ready, go, what, *args = sys.argv[1:]
    Path(ready).touch()
    while not os.path.exists(go):
        time.sleep(0.002)
    if what == "govcoder":
        return govcoder(args)
    return rename(*args)


if __name__ == "__main__":
    sys.exit(main())
