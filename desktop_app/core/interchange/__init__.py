"""Interchange: REFI-QDA projects (.qdpx/.qde) both ways, the codebook (.qdc), CSV, the code x document
matrix, JSON and XLSX. The two entry points are `export_project` and `import_project`."""

from desktop_app.core.interchange.api import (
    EXPORT_FORMATS,
    EXPORT_SUFFIXES,
    EXPORT_TARGETS,
    IMPORT_SUFFIXES,
    export_project,
    import_project,
)
from desktop_app.core.interchange.reports import ExportReport, ImportReport, UnplacedCoding

__all__ = ["EXPORT_FORMATS", "EXPORT_SUFFIXES", "EXPORT_TARGETS", "IMPORT_SUFFIXES", "export_project", "import_project", "ExportReport", "ImportReport",
           "UnplacedCoding"]
