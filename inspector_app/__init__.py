"""Indoor heating temperature inspection: guided visits, signed records, district office."""

__version__ = "0.1.0"
