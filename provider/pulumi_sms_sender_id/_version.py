"""The package's version, written once: packaging (pyproject's dynamic version) and the user agent read it."""

__version__ = "0.1.0"
