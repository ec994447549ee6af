"""GovCoder: qualitative coding of Chinese governance texts."""

__version__ = "0.1.0"
