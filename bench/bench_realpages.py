"""Real pages: GovCoder's HTML import beside trafilatura (+ htmldate), on ../shared/realpages/.

    python bench/bench_realpages.py [--pages DIR] [--quiet]

For every page, in one run: refused or not, article recall (share of the expected body kept; a
refused page counts 0), furniture share (share of the kept text that is not expected body), date
right, outlet right, title without the site name, and the time each takes. The reference answers
are the folder's own (see its README): `.ref.txt` bodies (rd, np; gs is a prefix of the body),
`with`/`without` snippets (tf: recall is the share of `with` snippets kept, furniture the share of
`without` snippets left), expected dates and sites in `.meta.json`. The gne pages have none: what
the page itself states is read here, independently of the code measured, from the visible text
just after the headline (the first full date there, and what follows 来源：), and their bodies are
not scored. Every comparison ignores whitespace and punctuation
(newspaper's reference drops quotation marks).
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
import warnings
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from desktop_app.core.errors import GovCoderError  # noqa: E402
from desktop_app.core.text.pipeline import CleaningOptions, prepare_source  # noqa: E402
from desktop_app.core.text.readers import read_sources  # noqa: E402

DEFAULT = Path(__file__).resolve().parent.parent.parent / "shared" / "realpages"
_SPACE = re.compile(r"[\W_]+")  # whitespace and punctuation: references differ in quotes
_DATE = re.compile(r"((?:19|20)\d\d)\s*[-年/.]\s*(\d{1,2})\s*[-月/.]\s*(\d{1,2})")
_SEPARATORS = re.compile(r"\s*(?:_|\||｜|\s-\s|--|-(?=[^-]{2,14}$)|–|—|::|>>)\s*")


def squash(text: str) -> str:
    return _SPACE.sub("", text or "")


def body_scores(kept: str, meta: dict, ref: str | None) -> tuple[float | None, float | None]:
    """(recall, furniture) against the page's reference, None where it has none."""
    flat = squash(kept)
    if "with" in meta:
        withs = [squash(s) for s in meta["with"]]
        withouts = [squash(s) for s in meta.get("without", [])]
        recall = sum(s in flat for s in withs) / len(withs)
        furniture = sum(s in flat for s in withouts) / len(withouts) if withouts else 0.0
        return recall, furniture
    if ref is None:
        return None, None
    ref_lines = [squash(line) for line in ref.splitlines() if squash(line)]
    total = sum(map(len, ref_lines))
    recall = sum(len(line) for line in ref_lines if line in flat) / total
    if meta.get("ref_prefix_only"):
        return recall, None
    flat_ref = squash(ref)
    out_lines = [squash(line) for line in kept.splitlines() if squash(line)]
    size = sum(map(len, out_lines))
    furniture = sum(len(line) for line in out_lines if line not in flat_ref) / size if size else 0.0
    return recall, furniture


def page_text(html: str) -> tuple[str, str, str]:
    """(visible text, raw <title>, headline) of a page, read plainly with lxml."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    for bad in tree.xpath("//script|//style|//noscript|//textarea"):
        bad.drop_tree()
    title = " ".join(" ".join(tree.xpath("//title//text()")).split())
    heads = [" ".join(" ".join(h.itertext()).split()) for h in tree.xpath("//h1|//h2")]
    og = tree.xpath("//meta[@property='og:title']/@content")
    candidates = [h for h in heads if len(h) >= 6] + [o.strip() for o in og]
    first = _SEPARATORS.split(title)[0] if title else ""
    if len(first) >= 6:
        candidates.append(first)
    visible = " ".join(" ".join(tree.body.itertext() if tree.body is not None else tree.itertext()).split())
    headline = next((c for c in candidates if c and c in visible), "")
    return visible, title, headline


def stated(visible: str, headline: str) -> tuple[str | None, str | None]:
    """The date and outlet the page states just after its headline (its last occurrence before
    the first date, as headlines also stand in breadcrumbs and <title>)."""
    if not headline:
        return None, None
    at = visible.find(headline)
    while at != -1:
        window = visible[at + len(headline):at + len(headline) + 220]
        match = _DATE.search(window)
        if match:
            date = f"{int(match[1]):04d}-{int(match[2]):02d}-{int(match[3]):02d}"
            source = re.search(r"来源(?:于)?\s*[:：]\s*([^\s|:：]{2,20})", window)
            return date, source[1] if source else None
        at = visible.find(headline, at + 1)
    return None, None


def site_suffix(raw_title: str) -> str | None:
    """The last part of a `headline_site` <title>: what a title without the site name must not end with."""
    parts = [p for p in _SEPARATORS.split(raw_title) if p.strip()]
    return parts[-1].strip() if len(parts) > 1 else None


def run_govcoder(path: Path) -> dict:
    started = time.perf_counter()
    try:
        sources = read_sources(path)
        article = prepare_source(sources[0], CleaningOptions())
    except GovCoderError as error:
        return {"refused": str(error), "seconds": time.perf_counter() - started}
    return {"text": article.text, "title": article.title, "date": article.published.isoformat()
            if article.published else None, "outlet": article.outlet, "seconds": time.perf_counter() - started}


def run_trafilatura(path: Path) -> dict:
    import trafilatura
    from htmldate import find_date

    started = time.perf_counter()
    data = path.read_bytes()
    result = trafilatura.bare_extraction(data, with_metadata=True, include_comments=False)
    if result is None:
        return {"refused": "nothing extracted", "seconds": time.perf_counter() - started}
    date = result.date or find_date(data)
    return {"text": result.text or "", "title": result.title, "date": date, "outlet": result.sitename,
            "seconds": time.perf_counter() - started}


def outlet_right(found: str | None, expected: str) -> bool:
    found, expected = squash(found or ""), squash(expected)
    return bool(found) and (expected in found or found in expected)


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--pages", type=Path, default=DEFAULT)
    parser.add_argument("--quiet", action="store_true", help="averages only")
    args = parser.parse_args()
    warnings.filterwarnings("ignore")
    import logging

    logging.disable(logging.WARNING)
    pages = sorted(args.pages.glob("*/*.html"))
    if not pages:
        sys.exit(f"no pages under {args.pages}")
    run_govcoder(pages[0])  # loads the converter once, outside the timings
    run_trafilatura(pages[0])
    rows = []
    for path in pages:
        meta = json.loads(path.with_suffix(".meta.json").read_text(encoding="utf-8"))
        ref_path = path.with_suffix(".ref.txt")
        ref = ref_path.read_text(encoding="utf-8") if ref_path.exists() else None
        visible, raw_title, headline = page_text(_page_html(path))
        if meta["ref_kind"].startswith("none"):
            date, outlet = stated(visible, headline)
        else:
            date, outlet = (meta.get("ref_date") or "")[:10] or None, meta.get("ref_site")
        suffix = site_suffix(meta.get("ref_title_raw") or raw_title)
        row = {"page": f"{path.parent.name}/{path.stem}", "date": date, "outlet": outlet, "suffix": suffix}
        for name, runner in (("gc", run_govcoder), ("tf", run_trafilatura)):
            got = runner(path)
            refused = "refused" in got
            recall, furniture = body_scores("" if refused else got["text"], meta, ref)
            title = got.get("title") or ""
            row[name] = {
                "refused": got.get("refused"), "seconds": got["seconds"],
                "recall": recall if not refused or recall is None else 0.0, "furniture": furniture,
                "date_ok": None if not date else got.get("date") == date,
                "outlet_ok": None if not outlet else outlet_right(got.get("outlet"), outlet),
                "title_ok": bool(title) and not (suffix and title.rstrip().endswith(suffix) and title != suffix),
                "title": title, "got_date": got.get("date"), "got_outlet": got.get("outlet"),
            }
        rows.append(row)
        if not args.quiet:
            print(f"{row['page']:<40} " + "  ".join(
                f"{name}: {'REFUSED ' if row[name]['refused'] else ''}"
                f"rec {_pct(row[name]['recall'])} fur {_pct(row[name]['furniture'])} "
                f"date {_mark(row[name]['date_ok'])}{row[name]['got_date'] or '-'} "
                f"outlet {_mark(row[name]['outlet_ok'])}{(row[name]['got_outlet'] or '-')[:10]} "
                f"title {_mark(row[name]['title_ok'])} {row[name]['seconds'] * 1000:.0f}ms"
                for name in ("gc", "tf")) + f"  | want {date} {outlet}")
            if row["gc"]["refused"]:
                print("    ", row["gc"]["refused"])
    print()
    print(f"{len(rows)} pages; {sum(r['date'] is not None for r in rows)} state a date, "
          f"{sum(r['outlet'] is not None for r in rows)} an outlet, "
          f"{sum(r['gc']['recall'] is not None for r in rows)} have a reference body")
    print(f"{'':<32}{'GovCoder':>12}{'trafilatura':>14}   target")
    for label, key, target in (
        ("refused pages", "refused", "0"), ("article recall, mean", "recall", ">= 97%"),
        ("article recall, lowest", "recall_min", ">= 80%"), ("furniture share, mean", "furniture", "<= 2%"),
        ("date right", "date_ok", ">= 95%"), ("outlet right", "outlet_ok", ">= 90%"),
        ("title without site name", "title_ok", "every page"), ("import time, mean per page", "seconds", ""),
    ):
        print(f"{label:<32}{_summary(rows, 'gc', key):>12}{_summary(rows, 'tf', key):>14}   {target}")
    gc_time = sum(r["gc"]["seconds"] for r in rows)
    tf_time = sum(r["tf"]["seconds"] for r in rows)
    print(f"{'import time, all pages':<32}{gc_time:>11.2f}s{tf_time:>13.2f}s   ratio {gc_time / tf_time:.2f}x")


def _page_html(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8", "gb18030"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("utf-8", errors="replace")


def _summary(rows: list[dict], name: str, key: str) -> str:
    if key == "refused":
        return str(sum(bool(r[name]["refused"]) for r in rows))
    if key == "seconds":
        return f"{sum(r[name]['seconds'] for r in rows) / len(rows) * 1000:.0f} ms"
    if key == "recall_min":
        values = [r[name]["recall"] for r in rows if r[name]["recall"] is not None]
        return _pct(min(values))
    values = [r[name][key] for r in rows if r[name][key] is not None]
    if not values:
        return "-"
    if key in ("date_ok", "outlet_ok", "title_ok"):
        return f"{sum(values)}/{len(values)} {_pct(sum(values) / len(values))}"
    return _pct(sum(values) / len(values))


def _pct(value: float | None) -> str:
    return "-" if value is None else f"{value * 100:.0f}%"


def _mark(value: bool | None) -> str:
    return "" if value is None else ("+" if value else "x")


if __name__ == "__main__":
    main()
