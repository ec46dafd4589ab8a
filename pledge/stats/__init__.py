"""Anonymised statistics: aggregate tables with small-number and secondary suppression (issue 7)."""
