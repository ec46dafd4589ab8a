"""Helpers for the estate tests: read a generated estate's systems, files and ground truth back."""

import csv
import sqlite3
from pathlib import Path
from typing import Any

import yaml
from openpyxl import load_workbook


def systems(out: Path) -> list[dict[str, Any]]:
    return list(yaml.safe_load((out / "systems.yaml").read_text())["systems"])


def read_csv(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def table_rows(out: Path, system: dict[str, Any], table: str) -> list[dict[str, Any]]:
    """Every row of one table of one generated system, as dicts."""
    if system["kind"] == "sql":
        connection = sqlite3.connect(out / system["url"].removeprefix("sqlite:///"))
        connection.row_factory = sqlite3.Row
        try:
            return [dict(row) for row in connection.execute(f'SELECT * FROM "{table}"')]
        finally:
            connection.close()
    folder = out / system["folder"]
    if system["kind"] == "mailbox":
        return [{"message": path.name} for path in sorted(folder.glob("*.eml"))]
    if (folder / f"{table}.csv").exists():
        return read_csv(folder / f"{table}.csv")
    sheet = load_workbook(folder / f"{table}.xlsx", read_only=True).active
    rows = list(sheet.iter_rows(values_only=True))
    return [dict(zip(rows[0], row, strict=True)) for row in rows[1:]]


def column_names(out: Path, system: dict[str, Any], table: str) -> list[str]:
    if system["kind"] == "mailbox":
        return ["message", "from", "from_name", "to", "subject", "body"]
    rows = table_rows(out, system, table)
    return list(rows[0]) if rows else []
