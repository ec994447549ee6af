"""Inter-coder agreement: units, reliability data, nominal alpha, kappa, unitizing alpha, bootstrap
intervals, and the disagreements behind the figures. Formulas and rules: docs/agreement.md."""

from desktop_app.core.analysis.agreement.disagreements import Disagreement, list_disagreements
from desktop_app.core.analysis.agreement.report import MEASURES, AgreementReport, measure_agreement
from desktop_app.core.analysis.agreement.units import UNITS

__all__ = ["MEASURES", "UNITS", "AgreementReport", "Disagreement", "list_disagreements", "measure_agreement"]
