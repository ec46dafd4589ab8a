"""The Information Commissioner's contact details, read from pledge/law/data/ico.json."""

from dataclasses import dataclass
from pathlib import Path

from django.conf import settings

from pledge.law.ico import load_ico_details


@dataclass(frozen=True)
class Regulator:
    name: str
    address: str
    phone: str
    website: str
    complaints_url: str


def _load(path: Path) -> Regulator:
    data = load_ico_details(path)
    return Regulator(
        name=data["name"],
        address=data["address"],
        phone=data["phone"],
        website=data["website"],
        complaints_url=data["complaints_url"],
    )


def information_commissioner() -> Regulator:
    """The ICO's name, address, phone and web addresses, from the law data directory in settings."""
    return _load(Path(settings.PLEDGE_LAW_DIR) / "ico.json")
