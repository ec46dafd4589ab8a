"""UK adequacy ("data bridges") for international transfers (UK GDPR Art 45, DPA 2018 s.17A; spec §7).

The list is data (``data/uk-adequacy.json``) because it changes by regulations; code only reads it.
"""

import json
from dataclasses import dataclass
from datetime import date
from enum import StrEnum
from pathlib import Path

DEFAULT_ADEQUACY_FILE = Path(__file__).parent / "data" / "uk-adequacy.json"


class TransferMechanism(StrEnum):
    """How a restricted transfer is made lawful (Arts 45, 46, 49)."""

    UK = "uk"
    ADEQUACY = "adequacy"
    IDTA = "idta"
    ADDENDUM = "addendum"
    BCR = "bcr"
    DEROGATION = "derogation"
    NONE = "none"


SAFEGUARD_MECHANISMS = frozenset({TransferMechanism.IDTA, TransferMechanism.ADDENDUM, TransferMechanism.BCR})


@dataclass(frozen=True)
class AdequacyEntry:
    country: str  # ISO 3166-1 alpha-2
    name: str
    since: date
    scope: str  # "" for the whole country, else the partial-coverage condition (e.g. "DPF UK Extension")
    source: str


def load_adequacy(path: Path = DEFAULT_ADEQUACY_FILE) -> dict[str, AdequacyEntry]:
    """Read the adequacy list, keyed by country code."""
    raw = json.loads(path.read_text(encoding="utf-8"))
    return {
        item["country"]: AdequacyEntry(
            country=item["country"],
            name=item["name"],
            since=date.fromisoformat(item["since"]),
            scope=item.get("scope", ""),
            source=item["source"],
        )
        for item in raw["countries"]
    }


def transfer_problem(
    *, country: str, mechanism: TransferMechanism, on: date, adequacy: dict[str, AdequacyEntry]
) -> str | None:
    """Why a transfer to ``country`` by ``mechanism`` is not safeguarded on ``on``, or None when it is.

    UK: no transfer. Adequate country: none needed (a partial adequacy, such as the US data bridge, must be
    claimed as ``adequacy`` knowingly). Otherwise an Art 46 safeguard or an Art 49 derogation is required.
    """
    code = country.upper()
    if code == "GB":
        return None
    entry = adequacy.get(code)
    adequate = entry is not None and entry.since <= on
    if mechanism in SAFEGUARD_MECHANISMS or mechanism is TransferMechanism.DEROGATION:
        return None
    if mechanism is TransferMechanism.ADEQUACY:
        return (
            None
            if adequate
            else f"{code} has no UK adequacy regulations on {on.isoformat()}: an Art 46 safeguard is needed"
        )
    if adequate and entry is not None and not entry.scope:
        return None
    if adequate and entry is not None:
        return (
            f"{code} is adequate only for {entry.scope}: record the mechanism as 'adequacy' once that is confirmed, "
            "or use an IDTA or the UK Addendum"
        )
    return f"transfer to {code} has no UK adequacy and no safeguard (IDTA, UK Addendum, BCR) or Art 49 derogation"
