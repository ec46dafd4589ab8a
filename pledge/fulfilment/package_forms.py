"""Staff forms for packages: reviewing a marked passage, sending a portability file, copying an assessment.

They check shape only; ``package_services``, ``package_transfers`` and ``package_copies`` decide the rules."""

from django import forms

from pledge.fulfilment.forms import _date, _text
from pledge.fulfilment.package_models import CopyDelivery, PassageDecision


class PassageReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Can this passage be released to the requester?",
        choices=[(PassageDecision.KEEP.value, "Yes, keep it"), (PassageDecision.WITHHOLD.value, "No, withhold it")],
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether to keep or withhold the passage"},
    )
    reason = _text(
        "Reason for withholding",
        hint="Required to withhold, for example: it tells the requester about their neighbour (Art 15(4)).",
    )

    def clean(self) -> dict[str, object]:
        cleaned = super().clean() or {}
        if cleaned.get("decision") == PassageDecision.WITHHOLD and not str(cleaned.get("reason", "")).strip():
            self.add_error("reason", "Give the reason for withholding the passage")
        return cleaned


class TransferForm(forms.Form):
    organisation = forms.CharField(
        label="Receiving organisation",
        max_length=200,
        error_messages={"required": "Enter the name of the organisation the requester named"},
    )
    email = forms.EmailField(
        label="The organisation's email address for receiving the file",
        help_text="Check it with the organisation itself, not only with the requester.",
        error_messages={"required": "Enter the organisation's email address", "invalid": "Enter a real email address"},
    )
    named_on = _date("Date the requester named the organisation")


class AssessmentCopyForm(forms.Form):
    record = forms.CharField(
        label="Record",
        max_length=400,
        help_text="As the identity index shows it: system/table/key, for example adult-social-care/assessments/A123.",
        error_messages={"required": "Enter the record to copy"},
    )
    person_name = forms.CharField(
        label="Name of the person the assessment is about",
        max_length=200,
        error_messages={"required": "Enter the person's name"},
    )
    how = forms.ChoiceField(
        label="How the copy is given",
        choices=CopyDelivery.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how the copy is given"},
    )

    def clean_record(self) -> str:
        text = str(self.cleaned_data["record"]).strip()
        if text.count("/") < 2 or any(not part for part in text.split("/", 2)):
            raise forms.ValidationError("Enter the record as system/table/key")
        return text
