"""Forms for CCTV footage on a case: its scope, its retrieval and the other people or vehicles in it."""

from datetime import UTC, date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from pledge.casework.footage_models import RetrievalOutcome, ThirdPartyOutcome
from pledge.casework.forms import OnDateForm
from pledge.casework.models import Case, ExemptionDecision
from pledge.register.models import System

TIME_ERROR = "Enter a time on the 24-hour clock, for example 14:30"
TIME_HINT = "On the 24-hour clock, for example 14:30"


def _time(label: str) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        input_formats=["%H:%M", "%H.%M", "%H%M"],
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric", "spellcheck": "false"}),
        help_text=TIME_HINT,
        error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}", "invalid": TIME_ERROR},
    )


DATE_PARTS = ("day", "month", "year")
DATE_LABELS = {"start": "Date the window starts", "end": "Date the window ends"}
FIELD_ORDER = [
    "system",
    "site",
    "camera",
    *(f"start-{part}" for part in DATE_PARTS),
    "start_time",
    *(f"end-{part}" for part in DATE_PARTS),
    "end_time",
    "long_window_reason",
]


def surveillance_systems() -> Any:
    return System.objects.filter(surveillance=True).order_by("name")


class FootageScopeForm(forms.Form):
    """The system, the camera or site, and the window; ``location``, ``window_start`` and ``window_end`` are
    added to ``cleaned_data`` for the service."""

    system = forms.ModelChoiceField(
        label="CCTV or ANPR system",
        queryset=System.objects.none(),
        empty_label="Choose the system",
        error_messages={"required": "Select the CCTV or ANPR system", "invalid_choice": "Select a surveillance system"},
    )
    site = forms.ChoiceField(label="Site", required=False, help_text="A site the register lists for the system.")
    camera = forms.CharField(
        label="Or the camera or place, if it is not listed",
        required=False,
        max_length=200,
        error_messages={"max_length": "The camera or place must be 200 characters or fewer"},
    )
    start_time = _time("Time the window starts")
    end_time = _time("Time the window ends")
    long_window_reason = forms.CharField(
        label="Why the window is longer than 24 hours",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Only needed for a window longer than 24 hours. Search no more footage than the request needs.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        # GOV.UK date inputs: "start-day" renders as the id and name the date-input component gives its day box,
        # so the error summary's link lands on it.
        for end in ("start", "end"):
            for part in DATE_PARTS:
                self.fields[f"{end}-{part}"] = forms.CharField(label=part.title(), required=False, max_length=10)
        self.order_fields(FIELD_ORDER)
        systems = list(surveillance_systems())
        self.fields["system"].queryset = surveillance_systems()  # type: ignore[attr-defined]
        self.sites = {system.pk: [str(site) for site in system.sites or []] for system in systems}
        self.fields["site"].choices = [("", "Not listed")] + [  # type: ignore[attr-defined]
            (f"{system.pk}:{i}", f"{site} ({system.name})")
            for system in systems
            for i, site in enumerate(system.sites or [])
        ]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        system, site, camera = data.get("system"), data.get("site", ""), data.get("camera", "").strip()
        if site and system is not None:
            system_pk, _, index = site.partition(":")
            if int(system_pk) != system.pk:
                self.add_error("site", "Select a site of the chosen system, or enter the camera")
            else:
                data["location"] = self.sites[system.pk][int(index)]
        elif camera:
            data["location"] = camera
        elif system is not None:
            self.add_error("site", "Select the site or enter the camera")
        for end in ("start", "end"):
            day, at = self._date(end, data), data.get(f"{end}_time")
            if day is not None and isinstance(at, time):
                local = datetime.combine(day, at)
                aware = timezone.make_aware(local)
                # Round trip through UTC (astimezone to the same zone is a no-op): a time the spring change skipped
                # comes back an hour later.
                if timezone.localtime(aware.astimezone(UTC)).replace(tzinfo=None) != local:
                    self.add_error(f"{end}_time", f"There is no {at:%H:%M} on {day:%-d %B %Y}: the clocks went forward")
                else:
                    data[f"window_{end}"] = aware
        return data

    def _date(self, end: str, data: dict[str, Any]) -> date | None:
        """The day from the three boxes, or None with the error on the day box."""
        parts = [str(data.get(f"{end}-{part}", "")).strip() for part in DATE_PARTS]
        label = DATE_LABELS[end]
        if not any(parts):
            self.add_error(f"{end}-day", f"Enter the {label[0].lower()}{label[1:]}")
            return None
        missing = [part for part, value in zip(DATE_PARTS, parts, strict=True) if not value]
        if missing:
            self.add_error(f"{end}-day", f"{label} must include a {' and a '.join(missing)}")
            return None
        try:
            day, month, year = (int(value) for value in parts)
            if year < 1000:
                raise ValueError("a two-digit year")
            return date(year, month, day)
        except ValueError:
            self.add_error(f"{end}-day", f"{label} must be a real date")
            return None

    def date_input(self, end: str) -> dict[str, Any]:
        """The parameters of the GOV.UK date input for the start or end of the window."""
        bound = {part: self[f"{end}-{part}"] for part in DATE_PARTS}
        return {
            "id": bound["day"].auto_id.removesuffix("-day"),
            "name_prefix": bound["day"].html_name.removesuffix("-day"),
            "legend": DATE_LABELS[end],
            "hint": "For example, 27 3 2026",
            "error_message": bound["day"].errors[0] if bound["day"].errors else "",
            **{part: field.value() or "" for part, field in bound.items()},
        }


class RetrievalForm(OnDateForm):
    outcome = forms.ChoiceField(
        label="Was the footage retrieved and preserved?",
        choices=RetrievalOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the footage was retrieved and preserved"},
    )
    retrieved_by = forms.CharField(
        label="Who retrieved it",
        required=False,
        max_length=200,
        help_text="A name or role, for example the control room supervisor.",
        error_messages={"max_length": "Who retrieved it must be 200 characters or fewer"},
    )
    reason = forms.CharField(
        label="If it is not available: why",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        error_messages={"max_length": "The reason must be 2,000 characters or fewer"},
    )
    field_order = ["outcome", "on", "retrieved_by", "reason"]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, date_label="Date it was retrieved, or found not to be available", **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outcome = data.get("outcome")
        if outcome == RetrievalOutcome.PRESERVED and not data.get("retrieved_by", "").strip():
            self.add_error("retrieved_by", "Enter who retrieved the footage")
        elif outcome and outcome != RetrievalOutcome.PRESERVED and not data.get("reason", "").strip():
            self.add_error("reason", "Give the reason the footage is not available")
        return data


class ThirdPartyForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Are other people or vehicles visible in the footage?",
        choices=ThirdPartyOutcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether other people or vehicles are visible"},
    )
    how = forms.CharField(
        label="If redacted: how",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="For example: faces and number plates blurred with the recorder's redaction tool.",
        error_messages={"max_length": "How it was redacted must be 2,000 characters or fewer"},
    )
    exemption = forms.ModelChoiceField(
        label="If withheld: under which exemption decision",
        queryset=ExemptionDecision.objects.none(),
        required=False,
        empty_label="None",
        help_text="Record the exemption in Exemptions and refusals first.",
        error_messages={"invalid_choice": "Select one of this case's exemption decisions"},
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["exemption"].queryset = case.exemption_decisions.all()  # type: ignore[attr-defined]
        self.fields["exemption"].label_from_instance = lambda d: f"{d.code}: {d.provision}"  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        outcome = data.get("outcome")
        if outcome == ThirdPartyOutcome.REDACTED and not data.get("how", "").strip():
            self.add_error("how", "Say how the other people or vehicles were redacted")
        elif outcome == ThirdPartyOutcome.WITHHELD and data.get("exemption") is None and "exemption" not in self.errors:
            self.add_error("exemption", "Select the exemption the footage is withheld under")
        return data
