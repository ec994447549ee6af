"""An agreement report: the chosen measures overall, per code and per document, for one study."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any

import numpy as np
from sqlalchemy.orm import Session

from desktop_app.core.analysis.agreement.bootstrap import DEFAULT_SEED, alpha_interval
from desktop_app.core.analysis.agreement.coding import UnitData, build_units
from desktop_app.core.analysis.agreement.family_report import MEASURE as FAMILY
from desktop_app.core.analysis.agreement.family_report import FamilyReport, family_of
from desktop_app.core.analysis.agreement.figures import Figure, Interval
from desktop_app.core.analysis.agreement.kappa import kappa
from desktop_app.core.analysis.agreement.nominal import nominal_alpha, percent_agreement
from desktop_app.core.analysis.agreement.profiles import Profiles, profiles_of
from desktop_app.core.analysis.agreement.segmentation import word_boundaries
from desktop_app.core.analysis.agreement.study import CODED_RULE, Study, load_study
from desktop_app.core.analysis.agreement.unitizing import Disagreement, pooled, unitizing_disagreement
from desktop_app.core.analysis.agreement.units import UNITS
from desktop_app.core.errors import GovCoderError

MEASURES = ("alpha-u", "alpha", "kappa", "percent", "alpha-2016")
BINARY = np.array([0, 1])


def _binary_label(value: int) -> str:
    return "present" if value else "absent: nobody applied the code"


@dataclass(frozen=True)
class Figures:
    """The measures of one scope (overall, one code, or one document)."""

    units_compared: int
    units_uncoded: int
    alpha: Figure | None = None
    alpha_ci: Interval | None = None
    kappa: Figure | None = None
    kappa_kind: str | None = None
    kappa_units: int | None = None
    percent: Figure | None = None
    alpha_u: Figure | None = None
    alpha_u_length: int | None = None

    def to_json(self) -> dict[str, Any]:
        data: dict[str, Any] = {"units_compared": self.units_compared, "units_uncoded": self.units_uncoded}
        undefined: dict[str, str] = {}
        for name in ("alpha", "kappa", "percent", "alpha_u"):
            figure = getattr(self, name)
            if figure is None:
                continue
            data[name] = figure.value
            if figure.reason:
                undefined[name] = figure.reason
            if name == "alpha" and self.alpha_ci is not None:
                data["alpha_ci"] = self.alpha_ci.to_json()
            if name == "kappa":
                data["kappa_kind"] = self.kappa_kind
                data["kappa_units"] = self.kappa_units
            if name == "alpha_u":
                data["alpha_u_length"] = self.alpha_u_length
        data["undefined"] = undefined
        return data


@dataclass(frozen=True)
class CodeFigures:
    code: str
    figures: Figures

    def to_json(self) -> dict[str, Any]:
        return {"code": self.code, **self.figures.to_json()}


@dataclass(frozen=True)
class DocumentFigures:
    document: int
    title: str
    coders: list[str]
    figures: Figures

    def to_json(self) -> dict[str, Any]:
        return {"document": self.document, "title": self.title, "coders": self.coders,
                **self.figures.to_json()}


@dataclass(frozen=True)
class AgreementReport:
    unit: str
    coders: list[str]
    codes: list[str]
    measures: list[str]
    exclude_uncoded: bool
    documents_compared: int
    documents_skipped: int
    overall: Figures
    per_code: list[CodeFigures] = field(default_factory=list)
    per_document: list[DocumentFigures] = field(default_factory=list)
    unitizing_2016: FamilyReport | None = None

    @property
    def units_compared(self) -> int:
        return self.overall.units_compared

    def to_json(self) -> dict[str, Any]:
        return {
            "unit": self.unit, "coders": self.coders, "codes": self.codes, "measures": self.measures,
            "exclude_uncoded": self.exclude_uncoded, "units_compared": self.units_compared,
            "units_uncoded": self.overall.units_uncoded,
            "documents_compared": self.documents_compared, "documents_skipped": self.documents_skipped,
            "missing_data": CODED_RULE,
            "overall": self.overall.to_json(),
            "per_code": [entry.to_json() for entry in self.per_code],
            "per_document": [entry.to_json() for entry in self.per_document],
            "unitizing_2016": self.unitizing_2016.to_json() if self.unitizing_2016 else None,
        }


def _nominal_figures(profiles: Profiles, measures: set[str], units_uncoded: int, ci: int | None, seed: int,
                     label=None) -> Figures:
    pairable = profiles.pairable()
    # Percent agreement is never reported without a chance-corrected figure beside it.
    want_alpha = "alpha" in measures or "percent" in measures
    alpha = nominal_alpha(profiles, label) if want_alpha else None
    interval = alpha_interval(profiles, ci, seed) if ci and want_alpha and alpha.defined else None
    result = kappa(profiles) if "kappa" in measures else None
    return Figures(
        units_compared=pairable.units, units_uncoded=units_uncoded, alpha=alpha, alpha_ci=interval,
        kappa=result.figure if result else None, kappa_kind=result.kind if result else None,
        kappa_units=result.units if result else None,
        percent=percent_agreement(profiles) if "percent" in measures else None,
    )


def _with_unitizing(figures: Figures, disagreement: Disagreement, length: int,
                    missing: str = "no document has been coded by every compared coder") -> Figures:
    figure = Figure.undefined(missing) if length == 0 else disagreement.figure()
    return replace(figures, alpha_u=figure, alpha_u_length=length)


def _unitizing(study: Study, documents: Sequence[int]) -> tuple[list[Disagreement], int]:
    """alpha-U's D_o and D_e per code over the given documents (all coded by every coder)."""
    pieces = [(int(study.offsets[d]), int(study.offsets[d + 1])) for d in documents]
    length = sum(b - a for a, b in pieces)
    result = []
    for k in range(len(study.codes)):
        coders = []
        for i in range(study.m):
            spans = study.spans[i][k]
            keep = np.zeros(len(spans.starts), dtype=bool)
            for a, b in pieces:
                lo, hi = np.searchsorted(spans.starts, [a, b])
                keep[lo:hi] = True
            coders.append((spans.starts[keep], spans.ends[keep]))
        result.append(unitizing_disagreement(coders, pieces))
    return result, length


def measure_agreement(session: Session, coders: Sequence[str], unit: str, *,
                      measures: Sequence[str] = MEASURES, per_code: bool = False, per_document: bool = False,
                      exclude_uncoded: bool = False, ci: int | None = None, seed: int = DEFAULT_SEED,
                      codes: Sequence[str] | None = None, documents: Sequence[int] | None = None,
                      domains: Sequence[str] | None = None) -> AgreementReport:
    if unit not in UNITS:
        raise GovCoderError(f"unknown unit {unit!r} (one of {', '.join(UNITS)})")
    unknown = [name for name in measures if name not in MEASURES]
    if unknown:
        raise GovCoderError(f"unknown measure {unknown[0]!r} (one of {', '.join(MEASURES)}, or all)")
    if ci is not None and ci < 1:
        raise GovCoderError("--ci needs a number of bootstrap samples, at least 1")
    wanted = set(measures)
    study = load_study(session, coders, codes=codes, documents=documents)
    boundaries = word_boundaries(session, study.document_ids) if unit == "word" else None
    data = build_units(study, unit, boundaries)
    report = report_of(study, data, unit, wanted, per_code=per_code, per_document=per_document,
                       exclude_uncoded=exclude_uncoded, ci=ci, seed=seed)
    if FAMILY in wanted:
        everyone = [d for d in range(len(study.document_ids)) if study.coded[:, d].all()]
        report = replace(report, unitizing_2016=family_of(study, everyone, domains))
    return report


def report_of(study: Study, data: UnitData, unit: str, wanted: set[str], *, per_code: bool, per_document: bool,
              exclude_uncoded: bool, ci: int | None, seed: int) -> AgreementReport:
    coded = data.coded_by_anyone()
    keep = coded if exclude_uncoded else np.ones(data.count, dtype=bool)
    pooled_values = data.pooled()
    nominal = wanted - {"alpha-u", FAMILY}

    def figures_of(values, mask, categories=None, label=None, with_ci=True) -> Figures:
        uncoded = int((~coded[mask]).sum()) if mask is not None else int((~coded).sum())
        chosen = values[:, mask & keep] if mask is not None else values[:, keep]
        profiles = profiles_of(chosen, categories)
        return _nominal_figures(profiles, nominal, uncoded, ci if with_ci else None, seed, label)

    def code_set(value: int) -> str:
        names = [path for k, path in enumerate(study.codes) if value >> k & 1] if len(study.codes) <= 62 else []
        return " + ".join(names) if names else ("no code" if value == 0 else "one set of codes")

    all_units = np.ones(data.count, dtype=bool)
    overall = figures_of(pooled_values, all_units, label=code_set)
    everyone = [d for d in range(len(study.document_ids)) if study.coded[:, d].all()]
    unitized, length = (_unitizing(study, everyone) if "alpha-u" in wanted else (None, 0))
    if unitized is not None:
        overall = _with_unitizing(overall, pooled(unitized), length)

    code_entries = []
    if per_code:
        for k, path in enumerate(study.codes):
            figures = figures_of(data.binary(k), all_units, BINARY, _binary_label)
            if unitized is not None:
                figures = _with_unitizing(figures, unitized[k], length)
            code_entries.append(CodeFigures(path, figures))

    document_entries = []
    if per_document:
        bounds = np.searchsorted(data.document, np.arange(len(study.document_ids) + 1))
        for d, document_id in enumerate(study.document_ids):
            mask = np.zeros(data.count, dtype=bool)
            mask[bounds[d]:bounds[d + 1]] = True
            present = [i for i in range(study.m) if study.coded[i, d]]
            figures = figures_of(pooled_values[present], mask, with_ci=False, label=code_set)
            if unitized is not None:
                local = study.m == len(present)
                figures = _with_unitizing(
                    figures, pooled(_unitizing(study, [d])[0]) if local else Disagreement(0, 0),
                    int(study.offsets[d + 1] - study.offsets[d]) if local else 0,
                    "not every compared coder has coded this document")
            document_entries.append(DocumentFigures(
                document_id, study.titles[d], [study.coders[i] for i in present], figures))

    return AgreementReport(
        unit=unit, coders=study.coders, codes=study.codes, measures=[m for m in MEASURES if m in wanted],
        exclude_uncoded=exclude_uncoded, documents_compared=len(study.document_ids),
        documents_skipped=study.documents_skipped, overall=overall, per_code=code_entries,
        per_document=document_entries,
    )
