"""Staff forms for breaches: the short report anyone can make, and the DPO's assessment, decisions and actions.

Dates are single text inputs with a hint and times are on the 24-hour clock, as elsewhere in Pledge; a date and time
become one moment in London time, refusing a time the spring clock change skipped.
"""

from datetime import UTC, date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from pledge.breaches.models import ActionKind, ExceptionChoice, LikelihoodChoice, SeverityChoice
from pledge.core.models import User

DATE_ERROR = "Enter a real date, for example 27/3/2026"
TIME_ERROR = "Enter a time on the 24-hour clock, for example 14:30"
YES_NO = [("yes", "Yes"), ("no", "No")]


def _date(label: str, *, required: bool = True, hint: str = "For example, 27/3/2026") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=hint,
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}", "invalid": DATE_ERROR},
    )


def _time(label: str, *, required: bool = True) -> forms.TimeField:
    return forms.TimeField(
        label=label,
        required=required,
        input_formats=["%H:%M", "%H.%M", "%H%M"],
        help_text="On the 24-hour clock, for example 14:30",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5", "inputmode": "numeric", "spellcheck": "false"}),
        error_messages={"required": f"Enter the {label[0].lower()}{label[1:]}", "invalid": TIME_ERROR},
    )


def _text(label: str, *, required: bool = True, rows: int = 3, hint: str = "", error: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=5000,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": error or f"Enter {label[0].lower()}{label[1:]}"},
    )


def _count(label: str, hint: str = "") -> forms.IntegerField:
    return forms.IntegerField(
        label=label,
        required=False,
        min_value=0,
        max_value=100_000_000,
        help_text=hint,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
        error_messages={
            "invalid": f"{label} must be a whole number, like 12",
            "min_value": f"{label} cannot be negative",
            "max_value": f"{label} must be 100,000,000 or fewer",
        },
    )


def combine(form: forms.Form, *, day_field: str, time_field: str) -> datetime | None:
    """The London moment from a form's date and time fields, or None with an error on the time field."""
    day, at = form.cleaned_data.get(day_field), form.cleaned_data.get(time_field)
    if not isinstance(day, date) or not isinstance(at, time):
        return None
    local = datetime.combine(day, at)
    aware = timezone.make_aware(local)
    # A time the spring change skipped comes back an hour later through UTC: refuse it rather than guess.
    if timezone.localtime(aware.astimezone(UTC)).replace(tzinfo=None) != local:
        form.add_error(time_field, f"There is no {at:%H:%M} on {day:%-d %B %Y}: the clocks went forward")
        return None
    return aware


class ReportForm(forms.Form):
    """The short report (promise P121): what happened, when you became aware, what data, how many people."""

    description = _text(
        "What happened",
        rows=4,
        hint="For example, a letter with someone's details was sent to the wrong address. Give the facts you know.",
        error="Enter what happened",
    )
    aware_on = _date("Date you became aware of it")
    aware_time = _time("Time you became aware of it")
    data_categories = _text(
        "What personal data was involved",
        hint="For example, names, addresses, case notes, health information, bank details.",
        error="Enter what personal data was involved",
    )
    people_affected = _count("Roughly how many people", "Your best estimate. Leave blank if you do not know yet.")
    detected_by = forms.CharField(
        label="How it was found, and by whom",
        required=False,
        max_length=300,
        help_text="For example, the recipient phoned us, or an audit found it.",
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        now = timezone.localtime()
        kwargs["initial"] = {"aware_on": now.date(), "aware_time": f"{now:%H:%M}", **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        aware_at = combine(self, day_field="aware_on", time_field="aware_time")
        if aware_at is not None and aware_at > timezone.now():
            self.add_error("aware_time", "The time you became aware cannot be in the future")
        data["aware_at"] = aware_at
        return data


class AssessForm(forms.Form):
    """The risk assessment: likelihood and severity of harm, the kinds of data, and how many people and records."""

    likelihood = forms.ChoiceField(
        label="How likely is it that people will suffer harm?",
        choices=LikelihoodChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how likely it is that people will suffer harm"},
    )
    severity = forms.ChoiceField(
        label="How serious would the harm be?",
        choices=SeverityChoice.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how serious the harm would be"},
    )
    special_category = forms.BooleanField(
        label="It includes special category data (health, ethnicity, religion, sexuality, biometrics and so on)",
        required=False,
    )
    criminal_offence = forms.BooleanField(label="It includes criminal offence data", required=False)
    data_unintelligible = forms.BooleanField(
        label="The data was unintelligible to whoever got it (for example securely encrypted, with the key safe)",
        required=False,
    )
    people_affected = _count("Approximate number of people affected")
    records_affected = _count("Approximate number of records affected")
    likely_consequences = _text(
        "Likely consequences for the people affected", error="Enter the likely consequences for the people affected"
    )
    rationale = _text("Why you assessed the risk this way", error="Enter why you assessed the risk this way")


class IcoDecisionForm(forms.Form):
    """Reported to the ICO (when, reference, reasons for any delay) or not (why)."""

    notify = forms.ChoiceField(
        label="Has the breach been reported to the ICO?",
        choices=[("yes", "Yes, it has been reported"), ("no", "No, it will not be reported")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the breach has been reported to the ICO"},
    )
    notified_on = _date("Date it was reported", required=False)
    notified_time = _time("Time it was reported", required=False)
    reference = forms.CharField(label="The ICO's reference", required=False, max_length=100)
    delay_reasons = _text(
        "Reasons for any delay past 72 hours",
        required=False,
        hint="Required when the report was more than 72 hours"
        " after the council became aware of the breach (Art 33(1)).",
    )
    reasons_not_notified = _text(
        "Why it is not being reported", required=False, hint="Required when it is not reported (Art 33(5))."
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        data["notified_at"] = None
        if data.get("notify") == "yes":
            if data.get("notified_on") and data.get("notified_time"):
                data["notified_at"] = combine(self, day_field="notified_on", time_field="notified_time")
            elif "notified_on" not in self.errors and "notified_time" not in self.errors:
                self.add_error("notified_on", "Enter the date and time the breach was reported to the ICO")
        return data


class PeopleForm(forms.Form):
    """Whether the people affected were told (Art 34), when and how, or the exception relied on."""

    told = forms.ChoiceField(
        label="Have the people affected been told?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the people affected have been told"},
    )
    told_on = _date("Date they were told", required=False)
    told_how = forms.CharField(
        label="How they were told", required=False, max_length=300, help_text="For example, by letter and phone."
    )
    exception = forms.ChoiceField(
        label="If not told: the Art 34(3) exception relied on",
        required=False,
        choices=[("", "None (the risk is not high)"), *ExceptionChoice.choices],
        widget=forms.RadioSelect,
    )
    reasons = _text("Reasons", required=False, hint="Why they were or were not told.")

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day = data.get("told_on")
        data["told_at"] = timezone.make_aware(datetime.combine(day, time(12))) if isinstance(day, date) else None
        return data


class ResponseForm(forms.Form):
    containment = _text("How the breach was contained", required=False, rows=4)
    lessons = _text("Lessons learned", required=False, rows=4)


def breach_staff() -> Any:
    return User.objects.filter(is_active=True).order_by("username")


class ActionForm(forms.Form):
    """A containment or remedial task with its owner."""

    kind = forms.ChoiceField(
        label="Kind of action",
        choices=ActionKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the kind of action"},
    )
    description = _text("What needs to be done", rows=2, error="Enter what needs to be done")
    owner = forms.ModelChoiceField(
        label="Owner",
        queryset=User.objects.none(),
        empty_label="Choose who owns it",
        error_messages={"required": "Select who owns the action", "invalid_choice": "Select a member of staff"},
    )
    due_on = _date("Due by", required=False)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["owner"].queryset = breach_staff()  # type: ignore[attr-defined]


class ActionDoneForm(forms.Form):
    done_on = _date("Date it was done")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initial"] = {"done_on": timezone.localdate(), **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
