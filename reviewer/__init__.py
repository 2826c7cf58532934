"""Reviewer: annotate inspection letters with themes and severities."""

__version__ = "0.1.0"
