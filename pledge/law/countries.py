"""Country names for residents: notices and letters say "the United States", not "US".

The register stores ISO 3166-1 alpha-2 codes (UK GDPR Art 13(1)(f) and 15(2) name the third country); the names
are data (``data/countries.json``) so a council can correct one without touching code.
"""

import json
from functools import cache
from pathlib import Path

COUNTRIES_FILE = Path(__file__).parent / "data" / "countries.json"


@cache
def _names() -> dict[str, str]:
    return dict(json.loads(COUNTRIES_FILE.read_text(encoding="utf-8"))["countries"])


def country_name(code: str) -> str:
    """The name of the country with ISO code ``code``; an unknown code is shown as given rather than guessed."""
    return _names().get(code.strip().upper(), code)
