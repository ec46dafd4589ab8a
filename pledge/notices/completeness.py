"""Can the register supply every Art 13/14 item for a notice? (spec §4, PN01-PN16).

Pure: reads the generated notice document. Publishing refuses with this list when it is not empty.
"""

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class MissingItem:
    item: str
    message: str

    def __str__(self) -> str:
        return f"{self.item}: {self.message}"


def missing_items(document: dict[str, Any]) -> list[MissingItem]:
    """Every checklist item the document cannot state, naming the register entry to fix."""
    missing = _controller_items(document)
    activities = document.get("activities") or []
    if not activities:
        missing.append(MissingItem("PN04", "the notice covers no approved processing activity"))
    for activity in activities:
        missing.extend(_activity_items(activity))
    ico = (document.get("complaints") or {}).get("ico") or {}
    if not ico.get("website") or not ico.get("phone"):
        missing.append(MissingItem("PN13", "the ICO's contact details are not configured"))
    if not (document.get("complaints") or {}).get("council_url"):
        missing.append(MissingItem("PN13", "there is no route to complain to the council (DPA 2018 s.164A)"))
    return missing


def _controller_items(document: dict[str, Any]) -> list[MissingItem]:
    controller = document.get("controller") or {}
    dpo = document.get("dpo") or {}
    missing = []
    for field in ("name", "address", "email"):
        if not controller.get(field):
            missing.append(MissingItem("PN01", f"the controller has no {field}"))
    if not dpo.get("email") and not dpo.get("address"):
        missing.append(MissingItem("PN03", "the Data Protection Officer has no contact details"))
    return missing


def _activity_items(activity: dict[str, Any]) -> list[MissingItem]:  # noqa: C901 - one check per item
    name = activity.get("name") or activity.get("slug") or "an activity"
    missing = []

    def lack(item: str, what: str) -> None:
        missing.append(MissingItem(item, f"{name}: {what}"))

    if not activity.get("purposes"):
        lack("PN04", "no purpose")
    if not activity.get("basis"):
        lack("PN05", "no lawful basis")
    if activity.get("basis") in ("c", "e") and not activity.get("legislation"):
        lack("PN05", "no legislation for the lawful basis")
    if activity.get("special_categories") and not activity.get("art9"):
        lack("PN05", "special category data without an Art 9 condition")
    if activity.get("basis") == "f" and not activity.get("legitimate_interests"):
        lack("PN06", "legitimate interests not stated")
    if not activity.get("data_categories"):
        lack("PN07", "no categories of personal data")
    if activity.get("recipients") is None:
        lack("PN08", "recipients not recorded")
    for transfer in activity.get("transfers") or []:
        if transfer.get("mechanism") in (None, "", "none", "uk"):
            lack("PN09", f"transfer to {transfer.get('country')} without a safeguard")
    if not activity.get("retention"):
        lack("PN10", "no retention period")
    if not activity.get("rights"):
        lack("PN11", "no rights worked out")
    if activity.get("basis") == "a" and not activity.get("withdraw_consent_route"):
        lack("PN12", "consent without a way to withdraw it")
    if not activity.get("sources"):
        lack("PN14", "no source recorded")
    if not activity.get("provision"):
        lack("PN15", "whether providing the data is required is not recorded")
    adm = activity.get("automated_decision")
    if adm is not None and (not adm.get("logic") or not adm.get("safeguards")):
        lack("PN16", "automated decision without its logic and safeguards")
    return missing
