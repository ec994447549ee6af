"""Agreement commands: measure inter-coder agreement, list the disagreements behind it, and
adjudicate them into the consensus layer."""

from __future__ import annotations

import argparse

from desktop_app.cli.contract import add_command, comma_list, emit_json, non_negative, open_project_of

MEASURE_CHOICES = ("alpha-u", "alpha", "kappa", "percent", "alpha-2016", "all")


def _measures(text: str) -> list[str]:
    chosen = comma_list(text) or ["all"]
    for name in chosen:
        if name not in MEASURE_CHOICES:
            raise argparse.ArgumentTypeError(f"unknown measure {name!r} (one of {', '.join(MEASURE_CHOICES)})")
    if "all" in chosen:
        return ["alpha-u", "alpha", "kappa", "percent", "alpha-2016"]
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
    if data.get("unitizing_2016"):
        _print_family(data["unitizing_2016"])


def _print_family(family: dict) -> None:
    print(f"2016 unitizing family over {family['length']:,} characters "
          "(|u-alpha: what is coded; cu-alpha: which code, where both coded)")
    print(f"{'|u-alpha':>9}  {'cu-alpha':>9}  domain or code")
    for domain in family["domains"]:
        print(f"{_number(domain['binary_alpha']):>9}  {_number(domain['cu_alpha']):>9}  {domain['domain']}")
        for code in domain["per_code"]:
            print(f"{_number(code['binary_alpha']):>9}  {'':>9}    {code['code']}")
    print(f"Cu-alpha across domains: {_number(family['Cu_alpha'])}")
    for name, reason in family["undefined"].items():
        print(f"  undefined for {name}: {reason}")
    for domain in family["domains"]:
        for name, reason in domain["undefined"].items():
            print(f"  undefined {name} in {domain['domain']}: {reason}")


def cmd_agreement(args: argparse.Namespace) -> int:
    from desktop_app.core.analysis.agreement import measure_agreement

    with open_project_of(args) as project, project.session_factory.begin() as session:
        report = measure_agreement(
            session, comma_list(args.coders) or [], args.unit, measures=args.measure,
            per_code=args.per_code, per_document=args.per_document, exclude_uncoded=args.exclude_uncoded,
            ci=args.ci, seed=args.seed, codes=comma_list(args.codes), documents=args.docs,
            domains=args.domain,
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


def _list_rows(session, args) -> list[dict]:
    from desktop_app.core.analysis.agreement import list_disagreements
    from desktop_app.core.analysis.agreement.adjudication import active_decisions

    coders = comma_list(args.coders) or []
    rows = list_disagreements(session, coders, code=args.code, documents=args.docs)
    decided = active_decisions(session, coders)
    listed = []
    for row in rows:
        entry = row.to_json()
        decision = decided.get(row.id)
        entry["decision"] = None if decision is None else {
            "id": decision.id, "choice": decision.choice, "taken": decision.taken,
            "adjudicator": decision.adjudicator, "decided_at": decision.to_json()["decided_at"]}
        listed.append(entry)
    return listed


def _print_decision(decision: dict) -> None:
    state = f"undone by {decision['undone_by']} at {decision['undone_at']}" if decision["undone_at"] else ""
    made = ", ".join(f"{a['code']} [{a['start']}, {a['end']})" for a in decision["annotations"]) or "nothing"
    print(f"decision {decision['id']}  {decision['disagreement']}  {decision['taken']}  "
          f"({' vs '.join(decision['coders'])}) by {decision['adjudicator']} at {decision['decided_at']}: "
          f"{made}  {state}".rstrip())


def cmd_adjudicate(args: argparse.Namespace) -> int:
    from desktop_app.core.analysis.agreement import adjudication
    from desktop_app.core.annotate.coders import default_coder_name
    from desktop_app.core.errors import GovCoderError

    if args.take is not None and args.disagreement is None:
        raise GovCoderError("--take decides one disagreement: give its id (from --list) before --take")
    modes = [bool(args.list), bool(args.decisions), args.undo is not None, args.disagreement is not None]
    if sum(modes) != 1:
        raise GovCoderError("say what to do: --list, a DISAGREEMENT_ID with --take, --decisions, or --undo N")
    if (args.list or args.disagreement is not None) and not args.coders:
        raise GovCoderError("name the two coders whose disagreements to adjudicate: --coders A,B")
    if args.disagreement is not None and args.take is None:
        raise GovCoderError("choose how to decide it: --take A, B, both or neither")
    adjudicator = args.as_ or default_coder_name()
    with open_project_of(args) as project:
        if args.list:
            with project.session_factory() as session:
                rows = _list_rows(session, args)
            if args.json:
                emit_json(rows)
            else:
                for row in rows:
                    decided = f"  decided: {row['decision']['taken']}" if row["decision"] else ""
                    print(f"{row['id']}  {row['kind']}  {', '.join(row['codes'])}  "
                          f"({', '.join(row['coders'])}){decided}")
                print(f"{len(rows)} disagreements, {sum(1 for r in rows if r['decision'])} decided")
            return 0
        if args.decisions:
            with project.session_factory() as session:
                data = [d.to_json() for d in adjudication.list_decisions(session, include_undone=args.all)]
            if args.json:
                emit_json(data)
            else:
                for decision in data:
                    _print_decision(decision)
                print(f"{len(data)} decisions")
            return 0
        with project.session_factory.begin() as session:
            if args.undo is not None:
                undone = adjudication.undo_decision(session, args.undo, by=adjudicator)
                data = {**undone.decision.to_json(), "removed": [a.to_json() for a in undone.removed]}
            else:
                data = adjudication.decide(session, comma_list(args.coders) or [], args.disagreement, args.take,
                                           adjudicator=adjudicator, span=tuple(args.span) if args.span else None
                                           ).to_json()
    if args.json:
        emit_json(data)
    else:
        _print_decision(data)
    return 0


def register(commands) -> None:
    agreement = add_command(commands, "agreement", cmd_agreement,
                            "inter-coder agreement: alpha, kappa, percent and unitizing alpha")
    agreement.add_argument("--coders", required=True, metavar="A,B[,C...]", help="the coders to compare")
    agreement.add_argument("--unit", required=True, choices=("char", "word", "sentence", "doc"),
                           help="what one unit of coding is (alpha-u always uses characters)")
    agreement.add_argument("--measure", type=_measures, default=_measures("all"), metavar="M[,M...]",
                           help="alpha-u, alpha, kappa, percent, alpha-2016 (|u-alpha, cu-alpha, Cu-alpha) "
                                "or all (default); percent comes with alpha")
    agreement.add_argument("--domain", action="append", metavar="PATH",
                           help="a semantic domain for alpha-2016: the compared codes at or under PATH, "
                                "mutually exclusive (repeat; default: one domain per top-level code)")
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

    adjudicate = add_command(commands, "adjudicate", cmd_adjudicate,
                             "decide two coders' disagreements into the consensus layer, and list the decisions")
    adjudicate.add_argument("disagreement", nargs="?", metavar="DISAGREEMENT_ID",
                            help="the disagreement to decide (its id from --list)")
    adjudicate.add_argument("--coders", metavar="A,B", help="the two coders (A and B of --take)")
    adjudicate.add_argument("--code", metavar="PATH", help="with --list: only disagreements involving this code")
    adjudicate.add_argument("--docs", type=_doc_ids, metavar="ID,...", help="with --list: only these documents")
    adjudicate.add_argument("--list", action="store_true", help="list the disagreements with their ids and decisions")
    adjudicate.add_argument("--take", choices=("A", "B", "both", "neither"),
                            help="copy A's spans, B's, both coders', or none into the consensus layer")
    adjudicate.add_argument("--span", type=non_negative, nargs=2, metavar=("START", "END"),
                            help="apply the chosen codes to this edited span instead")
    adjudicate.add_argument("--as", dest="as_", metavar="NAME",
                            help="who decides (default: $GOVCODER_CODER or your login)")
    adjudicate.add_argument("--decisions", action="store_true", help="list who decided what and when")
    adjudicate.add_argument("--all", action="store_true", help="with --decisions: undone decisions too")
    adjudicate.add_argument("--undo", type=non_negative, metavar="DECISION_ID",
                            help="take a decision back (its consensus annotations are removed)")
