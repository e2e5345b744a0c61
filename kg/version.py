"""The version of newskg, recorded in every graph's provenance."""

__version__ = "0.1.0"
