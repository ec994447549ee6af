"""The headless face of GovCoder: one module per command group, each calling core services and
nothing else; the output and error contract lives in `contract`."""

from desktop_app.cli.main import main

__all__ = ["main"]
