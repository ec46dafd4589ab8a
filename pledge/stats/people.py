"""Equalities-monitoring counts of the people in one table of a connected system (service users by age band, sex,
ethnicity...), read through the system's connector in batches and never held as records: only the tally is kept.
"""

import re
from collections.abc import Iterator
from datetime import date
from pathlib import Path

from pledge.discovery.connectors import SystemsInvalid, connect, load_systems
from pledge.discovery.sources import IdentityField, SystemConfig, TableConfig
from pledge.stats.tables import NOT_KNOWN, CountTable, age_band, cross_tabulate

AGE_BAND = "age_band"  # the characteristic worked out from the table's date-of-birth column

_DAY_FIRST = re.compile(r"^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$")


class UnknownCharacteristic(ValueError):
    """The system, table or column asked for is not configured."""


def people_by(*, systems: Path, system: str, table: str, rows: str, columns: str, on: date) -> CountTable:
    """Count the rows of ``system``'s ``table`` by two characteristics: a mapped column's value, or ``age_band``
    (from its date-of-birth column, as at ``on``). Blank values count as "Not known"."""
    config, mapped = _configured(systems=systems, system=system, table=table)
    dob = next((m.column for m in mapped.columns if m.identity == IdentityField.DATE_OF_BIRTH), "")
    names = {m.column for m in mapped.columns}
    for wanted in (rows, columns):
        if wanted == AGE_BAND and not dob:
            raise UnknownCharacteristic(f"{system}/{table} has no date-of-birth column for age bands")
        if wanted != AGE_BAND and wanted not in names:
            raise UnknownCharacteristic(f"{system}/{table} has no configured column {wanted!r}")

    def value(found: dict[str, object], wanted: str) -> str:
        if wanted == AGE_BAND:
            return age_band(born=_date(found.get(dob)), on=on)
        return str(found.get(wanted) or "").strip() or NOT_KNOWN

    def pairs() -> Iterator[tuple[str, str]]:
        for batch in connect(config).iter_records():
            for record in batch:
                if record.ref.table == table:
                    found = dict(record.columns)
                    yield value(found, rows), value(found, columns)

    return cross_tabulate(
        title=f"People in {config.name} ({table}) on {on:%-d %B %Y}, by {_heading(rows)} and {_heading(columns)}",
        row_heading=_heading(rows).capitalize(),
        column_heading=_heading(columns),
        pairs=pairs(),
    )


def _configured(*, systems: Path, system: str, table: str) -> tuple[SystemConfig, TableConfig]:
    try:
        configs = load_systems(systems)
    except FileNotFoundError:
        raise UnknownCharacteristic(f"no systems file at {systems}") from None
    except SystemsInvalid as invalid:
        raise UnknownCharacteristic("; ".join(invalid.problems)) from None
    config = next((c for c in configs if c.slug == system), None)
    if config is None:
        raise UnknownCharacteristic(f"no connected system {system!r} in {systems}")
    mapped = next((t for t in config.tables if t.name == table), None)
    if mapped is None:
        raise UnknownCharacteristic(f"{system} has no table {table!r} configured")
    return config, mapped


def _heading(characteristic: str) -> str:
    return "age band" if characteristic == AGE_BAND else characteristic.replace("_", " ")


def _date(raw: object) -> date | None:
    """A date of birth as systems hold it: a date, ISO text or day-first (03/02/1980)."""
    if isinstance(raw, date):
        return raw
    text = str(raw or "").strip()[:10]
    try:
        return date.fromisoformat(text)
    except ValueError:
        pass
    match = _DAY_FIRST.match(text)
    if match:
        day, month, year = map(int, match.groups())
        try:
            return date(year, month, day)
        except ValueError:
            return None
    return None
