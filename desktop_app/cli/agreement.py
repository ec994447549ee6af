"""Agreement commands: measure inter-coder agreement, and list the disagreements behind it."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, comma_list, emit_json, open_project_of

MEASURE_CHOICES = ("alpha-u", "alpha", "kappa", "percent", "all")


def _measures(text: str) -> list[str]:
    chosen = comma_list(text) or ["all"]
    for name in chosen:
        if name not in MEASURE_CHOICES:
            raise argparse.ArgumentTypeError(f"unknown measure {name!r} (one of {', '.join(MEASURE_CHOICES)})")
    if "all" in chosen:
        return ["alpha-u", "alpha", "kappa", "percent"]
    return chosen


def _doc_ids(text: str) -> list[int]:
    try:
        return [int(part) for part in comma_list(text) or []]
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a list of document ids such as 1,2,3") from None


def _number(value: float | None) -> str:
    return "undefined" if value is None else f"{value:.3f}"


WIDTHS = {"alpha": 9, "alpha_ci": 17, "kappa": 18, "percent": 9, "alpha_u": 9}


def _columns(figures: dict) -> list[str]:
    names = [n for n in ("alpha", "kappa", "percent", "alpha_u") if n in figures]
    if "alpha_ci" in figures:
        names.insert(1, "alpha_ci")
    return names


def _row(label: str, figures: dict, columns: list[str]) -> str:
    # Figures first in fixed widths, the scope's name last: code paths are Chinese, of any width.
    cells = [f"{figures['units_compared']:>10,}"]
    for name in columns:
        if name == "alpha_ci":
            ci = figures.get("alpha_ci") or {}
            text = f"[{ci['low']:.3f}, {ci['high']:.3f}]" if ci.get("low") is not None else "-"
        elif name == "kappa" and figures.get("kappa") is not None:
            text = f"{figures['kappa']:.3f} ({figures['kappa_kind']})"
        else:
            text = _number(figures.get(name))
        cells.append(f"{text:>{WIDTHS[name]}}")
    cells.append(label)
    return "  ".join(cells)


def _print_report(data: dict) -> None:
    print(f"unit: {data['unit']}   coders: {', '.join(data['coders'])}   "
          f"documents compared: {data['documents_compared']} (skipped: {data['documents_skipped']})")
    print(f"units compared: {data['units_compared']:,} (of which no coder coded: {data['units_uncoded']:,}"
          f"{', left out' if data['exclude_uncoded'] else ''})")
    columns = _columns(data["overall"])
    print("  ".join([f"{'units':>10}", *(f"{name:>{WIDTHS[name]}}" for name in columns), "scope"]))
    print(_row("overall", data["overall"], columns))
    for entry in data["per_code"]:
        print(_row(entry["code"], entry, columns))
    for entry in data["per_document"]:
        print(_row(f"document {entry['document']} {entry['title']}", entry, columns))
    notes = {}
    for scope in [data["overall"], *data["per_code"], *data["per_document"]]:
        notes.update({f"{name}: {reason}": None for name, reason in scope["undefined"].items()})
    for note in notes:
        print(f"  undefined {note}")
    if "percent" in data["overall"]:
        print("  percent agreement ignores chance agreement: read it beside alpha, never alone")


def cmd_agreement(args: argparse.Namespace) -> int:
    from desktop_app.core.analysis.agreement import measure_agreement

    with open_project_of(args) as project, project.session_factory.begin() as session:
        report = measure_agreement(
            session, comma_list(args.coders) or [], args.unit, measures=args.measure,
            per_code=args.per_code, per_document=args.per_document, exclude_uncoded=args.exclude_uncoded,
            ci=args.ci, seed=args.seed, codes=comma_list(args.codes), documents=args.docs,
        )
        data = report.to_json()
    if args.json:
        emit_json(data)
    else:
        _print_report(data)
    return 0


def cmd_disagreements(args: argparse.Namespace) -> int:
    from desktop_app.core.analysis.agreement import list_disagreements

    with open_project_of(args) as project, project.session_factory() as session:
        rows = list_disagreements(session, comma_list(args.coders) or [], code=args.code, documents=args.docs)
    if args.json:
        emit_json([row.to_json() for row in rows])
    else:
        for row in rows:
            print(f"document {row.document} [{row.start}, {row.end})  {row.kind}  "
                  f"{', '.join(row.codes)}  ({', '.join(row.coders)})")
        print(f"{len(rows)} disagreements")
    return 0


def register(commands) -> None:
    agreement = add_command(commands, "agreement", cmd_agreement,
                            "inter-coder agreement: alpha, kappa, percent and unitizing alpha")
    agreement.add_argument("--coders", required=True, metavar="A,B[,C...]", help="the coders to compare")
    agreement.add_argument("--unit", required=True, choices=("char", "word", "sentence", "doc"),
                           help="what one unit of coding is (alpha-u always uses characters)")
    agreement.add_argument("--measure", type=_measures, default=_measures("all"), metavar="M[,M...]",
                           help="alpha-u, alpha, kappa, percent or all (default); percent comes with alpha")
    agreement.add_argument("--per-code", action="store_true", help="also each code alone (present or not)")
    agreement.add_argument("--per-document", action="store_true", help="also each document alone")
    agreement.add_argument("--exclude-uncoded", action="store_true",
                           help="leave out units no coder coded (inflates agreement; see docs/agreement.md)")
    agreement.add_argument("--ci", type=int, metavar="N", help="bootstrap N samples for alpha's 95%% interval")
    agreement.add_argument("--seed", type=int, default=2007, help="the bootstrap's seed (default 2007)")
    agreement.add_argument("--codes", metavar="PATH,...", help="only these codes (default: every code used)")
    agreement.add_argument("--docs", type=_doc_ids, metavar="ID,...", help="only these documents")

    disagreements = add_command(commands, "disagreements", cmd_disagreements,
                                "list where two coders disagree: missing, different code, different extent")
    disagreements.add_argument("--coders", required=True, metavar="A,B", help="the two coders to compare")
    disagreements.add_argument("--code", metavar="PATH", help="only disagreements involving this code")
    disagreements.add_argument("--docs", type=_doc_ids, metavar="ID,...", help="only these documents")
