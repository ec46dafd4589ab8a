"""Staff forms for fulfilment. They check shape only (dates, required text); the services decide the rules."""

from typing import Any

from django import forms
from django.utils import timezone

from pledge.casework.models import Case
from pledge.core.uploads import allowed_list, describe_size, max_upload_bytes
from pledge.fulfilment.applies import suggested_ground
from pledge.fulfilment.models import (
    ERASE_GROUND_CHOICES,
    KEEP_GROUND_CHOICES,
    NOTICE_OUTCOME_CHOICES,
    RESTRICTION_GROUND_CHOICES,
    RESULT_CHOICES,
    ContactMethod,
)
from pledge.fulfilment.services import STATEMENT_TYPES
from pledge.law.erasure import ERASURE_GROUNDS, KEEP_GROUNDS
from pledge.law.restriction import RESTRICTION_GROUNDS
from pledge.register.models import Recipient, System

DATE_ERROR = "Enter a real date, for example 27/3/2026"


def _date(label: str, *, required: bool = True) -> forms.DateField:
    lowered = f"{label[0].lower()}{label[1:]}"
    return forms.DateField(
        label=label,
        required=required,
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"required": f"Enter the {lowered}", "invalid": DATE_ERROR},
    )


def _text(label: str, required: str = "", *, hint: str = "", rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=bool(required),
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": required},
    )


def _system() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="System",
        queryset=System.objects.all(),
        empty_label="Select a system",
        widget=forms.Select,
        error_messages={"required": "Select the system the record is in", "invalid_choice": "Select a system"},
    )


def _reference() -> forms.CharField:
    return forms.CharField(
        label="The record's reference in that system",
        max_length=200,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-20", "spellcheck": "false"}),
        help_text="The account, case or record number the system uses. Not the person's name.",
        error_messages={
            "required": "Enter the record's reference in that system",
            "max_length": "The record's reference must be 200 characters or fewer",
        },
    )


def _method(label: str, required: str) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        choices=ContactMethod.choices,
        required=False,
        widget=forms.RadioSelect,
        error_messages={"required": required, "invalid_choice": required},
    )


class DatedForm(forms.Form):
    """A form whose date fields start on today and may not be in the future."""

    date_fields: tuple[str, ...] = ()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs["initial"] = {
            **{name: timezone.localdate() for name in self.date_fields},
            **(kwargs.get("initial") or {}),
        }
        super().__init__(*args, **kwargs)

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        for name in self.date_fields:
            day = data.get(name)
            if day is not None and day > timezone.localdate():
                self.add_error(name, "The date cannot be in the future")
        return data


class CorrectionForm(DatedForm):
    date_fields = ("corrected_on",)
    system = _system()
    record_reference = _reference()
    was = _text("What was wrong", "Enter what was wrong", hint="What the record said before the correction.")
    now = _text("What it says now", "Enter what the record says now")
    corrected_on = _date("Date of the correction")


class DisagreementForm(DatedForm):
    date_fields = ("decided_on",)
    reasons = _text(
        "Why the council considers the data accurate",
        "Enter why the council considers the data accurate",
        hint="The person is told this decision and the reasons, and their right to complain to the ICO.",
    )
    statement = _text(
        "The person's statement of disagreement",
        "Enter the person's statement of disagreement",
        hint="In their words. It is attached to the record so anyone reading the record sees it.",
        rows=5,
    )
    statement_file = forms.FileField(
        label="A copy of the statement as they sent it",
        required=False,
        help_text=f"A {allowed_list(STATEMENT_TYPES)}, smaller than {describe_size(max_upload_bytes())}",
        widget=forms.ClearableFileInput,
    )
    system = _system()
    record_reference = _reference()
    decided_on = _date("Date of the decision")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["system"].label = "System where the statement is attached"


class AttachStatementForm(DatedForm):
    date_fields = ("attached_on",)
    system = _system()
    record_reference = _reference()
    attached_on = _date("Date it was attached")


class ErasureOutcomeForm(DatedForm):
    date_fields = ("done_on",)
    system = _system()
    record_reference = _reference()
    result = forms.ChoiceField(
        label="What was done to the record?",
        choices=RESULT_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what was done to the record"},
    )
    erase_ground = forms.ChoiceField(
        label="If it was erased or anonymised: the Art 17(1) ground",
        choices=ERASE_GROUND_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text="With no Art 17(1) ground the record can only be kept, with the reasons.",
    )
    keep_ground = forms.ChoiceField(
        label="If it was kept: the Art 17(3) ground",
        choices=KEEP_GROUND_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    reasons = _text("If it was kept: why", hint="The requester is told why each kept record was kept.")
    done_on = _date("Date it was done")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["keep_ground"].item_hints = {  # type: ignore[attr-defined]
            ground.value: info.test for ground, info in KEEP_GROUNDS.items()
        }
        self.fields["erase_ground"].item_hints = {  # type: ignore[attr-defined]
            ground.value: info.test for ground, info in ERASURE_GROUNDS.items()
        }


class RestrictionForm(DatedForm):
    date_fields = ("started_on",)
    system = _system()
    record_reference = _reference()
    ground = forms.ChoiceField(
        label="Ground for the restriction",
        choices=RESTRICTION_GROUND_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the Art 18(1) ground for the restriction"},
    )
    scope = _text(
        "What is restricted",
        "Enter which data or processing is restricted",
        hint="The data or uses covered. Other systems may only store it while restricted.",
    )
    started_on = _date("Date the restriction started")

    def __init__(self, *args: Any, case: Case | None = None, **kwargs: Any) -> None:
        ground = suggested_ground(case) if case is not None else None
        if ground is not None:
            kwargs["initial"] = {"ground": ground.value, **(kwargs.get("initial") or {})}
        super().__init__(*args, **kwargs)
        self.fields["ground"].item_hints = {  # type: ignore[attr-defined]
            ground.value: info.test for ground, info in RESTRICTION_GROUNDS.items()
        }


class LiftRestrictionForm(DatedForm):
    date_fields = ("person_told_on", "lifted_on")
    person_told_on = _date("Date the person was told it would be lifted")
    person_told_how = _method("How the person was told", "Select how the person was told")
    reasons = _text("Why the restriction is being lifted", "Enter why the restriction is being lifted")
    lifted_on = _date("Date the restriction was lifted")


class RecipientNoticeForm(DatedForm):
    date_fields = ("told_on",)
    recipient = forms.ModelChoiceField(
        label="Recipient",
        queryset=Recipient.objects.none(),
        empty_label="Select a recipient",
        widget=forms.Select,
        error_messages={"required": "Select a recipient", "invalid_choice": "Select a recipient of this request"},
    )
    outcome = forms.ChoiceField(
        label="Were they told?",
        choices=NOTICE_OUTCOME_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the recipient was told"},
    )
    told_on = _date("If told: the date", required=False)
    method = _method("If told: how", "Select how the recipient was told")
    reasons = _text(
        "If not told: why",
        hint="Why telling them proved impossible or would involve disproportionate effort.",
    )

    def __init__(self, *args: Any, recipients: Any = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["recipient"].queryset = recipients if recipients is not None else Recipient.objects.none()  # type: ignore[attr-defined]


class SystemFilterForm(forms.Form):
    system = forms.ModelChoiceField(
        label="System",
        queryset=System.objects.all(),
        required=False,
        empty_label="All systems",
        to_field_name="slug",
        widget=forms.Select,
        error_messages={"invalid_choice": "Select a system from the list"},
    )
