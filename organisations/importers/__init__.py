"""Imports of the national registers (RNA, Sirene): reading, one writer seam per engine, reporting."""
