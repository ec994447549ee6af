"""Memory benchmark: the peak memory of importing one large generated Chinese .txt, as a ratio of its size.

    python bench/bench_memory.py [--sizes 10,100,300] [--stages] [--keep]

Each import runs in a child process of its own (a fresh interpreter, so one size's peak cannot hide
another's) that first loads everything an import needs (the segmenter's dictionary, the converter's
tables) and notes its peak resident memory, then imports the file into a new SQLite project with
`import_paths`, as `govcoder import` does, and notes the peak again (`resource.getrusage`,
ru_maxrss). Printed for each size: the peak of the whole process, and the import's own share (the
peak less what the process held before the import), both as multiples of the file's size. The
target (issue 11, item 11) is an import within 3x the file's size. The files are larger than the
default article limit (50 MB, limits.py): the child runs with GOVCODER_MAX_ARTICLE_MB raised.

--stages runs the import's steps one by one in the child instead (read, decode, clean, segment,
pack, store) and prints the peak after each, to show where the memory goes.

The file is the simplified seed articles' lines, repeated with a running number so that no two
paragraphs are equal, full-width indentation and blank lines kept (so cleaning has its usual work):
one article, about a third as many characters as bytes (UTF-8 Chinese is three bytes a character).
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

MB = 1024 * 1024


def generate(path: Path, megabytes: int) -> int:
    """Writes about `megabytes` MB of Chinese text to `path`; returns its size in bytes."""
    from desktop_app.core.paths import seed_files

    lines: list[str] = []
    for seed in seed_files():
        if seed.name.startswith("001"):  # the traditional article: its glosses are one article's, not a corpus'
            continue
        lines.extend(line for line in seed.read_text(encoding="utf-8").split("\n") if line.strip())
    target = megabytes * MB
    written = 0
    number = 0
    with path.open("w", encoding="utf-8") as out:
        out.write("基层治理资料汇编\n\n")
        while written < target:
            chunk = []
            for line in lines:
                number += 1
                chunk.append(f"\u3000\u3000{line.strip()}(第{number}段)\n")
            data = "\n".join(chunk)
            out.write(data)
            written += len(data.encode("utf-8"))
    return path.stat().st_size


def count_characters(path: Path) -> int:
    """Without reading the whole file into this process: its peak is not the child's, but keep it small."""
    count = 0
    with path.open(encoding="utf-8") as handle:
        while chunk := handle.read(MB):
            count += len(chunk)
    return count


def peak_bytes() -> int:
    """This process's peak resident memory. VmHWM, where Linux gives it: getrusage's ru_maxrss keeps
    the parent's peak across the exec that starts the child."""
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024  # kilobytes on Linux


def _warm():
    from desktop_app.core.text.pipeline import CleaningOptions, prepare_article
    from desktop_app.core.text.segment import Segmenter

    segmenter = Segmenter()
    segmenter.boundaries("党建引领基层治理，網格化管理")
    prepare_article("党建引领基层治理\n\n　　網格化管理。", encoding="utf-8", options=CleaningOptions(),
                    fallback_title="warm")
    return segmenter


def child_import(file: Path) -> dict:
    from desktop_app.core.store.project import create_project
    from desktop_app.core.text.importer import import_paths

    segmenter = _warm()
    project = create_project(file.with_suffix(".govcoder"))
    before = peak_bytes()
    started = time.perf_counter()
    results = import_paths(project.session_factory, [file], segmenter=segmenter)
    seconds = time.perf_counter() - started
    after = peak_bytes()
    project.close()
    return {"before": before, "peak": after, "seconds": seconds,
            "status": [(r.status, r.reason) for r in results]}


def child_stages(file: Path) -> dict:
    """The import's steps one at a time, as importer/import_read/import_store run them."""
    from desktop_app.core.store.project import create_project
    from desktop_app.core.text.import_store import Batch, ImportStore, ReadFile
    from desktop_app.core.text.importer import _cut
    from desktop_app.core.text.readers import read_sources

    segmenter = _warm()
    project = create_project(file.with_suffix(".govcoder"))
    stages = [("loaded", peak_bytes())]
    from desktop_app.core.text.import_read import _add
    from desktop_app.core.text.pipeline import CleaningOptions, prepare_source

    (source,) = read_sources(file)
    stages.append(("read and decode", peak_bytes()))
    article = prepare_source(source, CleaningOptions())
    del source
    stages.append(("clean, shadow, metadata", peak_bytes()))
    part = ReadFile(file)
    _add(part, article)
    del article
    batch = Batch()
    batch.add(part)
    cuts = _cut(batch, segmenter)
    stages.append(("segment and pack", peak_bytes()))
    store = ImportStore(project.session_factory, segmenter.dictionary_hash, False)
    store.add(batch, cuts)
    store.flush()
    stages.append(("store", peak_bytes()))
    project.close()
    return {"stages": stages, "status": [(r.status, r.reason) for r in part.reported]}


def run_child(file: Path, stages: bool) -> dict:
    command = [sys.executable, __file__, "--child-stages" if stages else "--child", str(file)]
    # The files are larger than the article limit on purpose: what a raised limit lets in is measured.
    env = {**os.environ, "GOVCODER_MAX_ARTICLE_MB": str(2 * file.stat().st_size // MB + 1)}
    completed = subprocess.run(command, capture_output=True, text=True, env=env)
    if completed.returncode:
        raise SystemExit(f"the child failed:\n{completed.stderr}")
    return json.loads(completed.stdout.splitlines()[-1])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10,100,300", help="file sizes in MB, comma-separated")
    parser.add_argument("--stages", action="store_true", help="the peak after each step of the import")
    parser.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--child-stages", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child or args.child_stages:
        result = child_import(args.child) if args.child else child_stages(args.child_stages)
        print(json.dumps(result))
        return 0

    print(f"{'file':>8} {'chars':>12} {'before':>9} {'peak':>9} {'peak/size':>10} {'import/size':>12} {'time':>7}")
    with tempfile.TemporaryDirectory() as folder:
        for megabytes in (int(size) for size in args.sizes.split(",")):
            file = Path(folder) / f"corpus{megabytes}.txt"
            size = generate(file, megabytes)
            chars = count_characters(file)
            result = run_child(file, args.stages)
            file.with_suffix(".govcoder").unlink(missing_ok=True)
            for status, reason in result["status"]:
                if status != "imported":
                    print(f"  {file.name}: {status}: {reason}")
            if args.stages:
                print(f"{size / MB:7.0f}M {chars:12,}")
                previous = result["stages"][0][1]
                for name, peak in result["stages"]:
                    print(f"{'':22}{name:<26} peak {peak / MB:8.0f} MB  {peak / size:5.2f}x  "
                          f"(+{(peak - previous) / MB:.0f} MB)")
                    previous = peak
            else:
                before, peak = result["before"], result["peak"]
                print(f"{size / MB:7.0f}M {chars:12,} {before / MB:8.0f}M {peak / MB:8.0f}M "
                      f"{peak / size:9.2f}x {(peak - before) / size:11.2f}x {result['seconds']:6.1f}s")
            file.unlink()
    return 0


if __name__ == "__main__":
    sys.exit(main())
