"""The staff form for a processing activity, checked by the same legal rules as the YAML linter."""

from typing import Any

from django import forms
from django.utils import timezone

from pledge.law.bases import ART9_LABELS, SPECIAL_CATEGORY_LABELS, Art9Condition, LawfulBasis, SpecialCategory
from pledge.law.schedule1 import SCHEDULE_1
from pledge.register import consistency
from pledge.register.models import Controller, ProcessingActivity, Recipient
from pledge.register.records import to_record


class LinesField(forms.CharField):
    """A list of short texts, one per line."""

    widget = forms.Textarea(attrs={"rows": 4})

    def prepare_value(self, value: Any) -> Any:
        return "\n".join(value) if isinstance(value, list) else value

    def to_python(self, value: Any) -> list[str]:  # type: ignore[override]
        text = super().to_python(value) or ""
        return [line.strip() for line in text.splitlines() if line.strip()]


LIST_FIELDS = ("purposes", "legislation", "data_subjects", "data_categories", "sources", "collection_channels")
HELP = {
    "purposes": "One purpose per line, in plain English, as residents will read it.",
    "legislation": "One Act or regulation per line. Required for legal obligation and public task.",
    "data_subjects": "One group of people per line, for example 'council tax payers'.",
    "data_categories": "One kind of information per line, for example 'bank details'.",
    "sources": "Where the information comes from, one per line. Write 'you' for the person themselves.",
    "collection_channels": "For example web form, phone, email, post.",
}


class ActivityForm(forms.ModelForm):
    special_categories = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(c.value, SPECIAL_CATEGORY_LABELS[c].capitalize()) for c in SpecialCategory],
        label="Special category data",
    )
    schedule1_conditions = forms.MultipleChoiceField(
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[(code, f"Part {c.part} para {c.paragraph}: {c.title}") for code, c in SCHEDULE_1.items()],
        label="DPA 2018 Schedule 1 conditions",
    )

    class Meta:
        model = ProcessingActivity
        fields = [
            "name",
            "purposes",
            "lawful_basis",
            "legislation",
            "legitimate_interests",
            "vital_interests_justification",
            "consent_withdrawal_route",
            "data_subjects",
            "data_categories",
            "special_categories",
            "art9_condition",
            "schedule1_conditions",
            "criminal_offence_data",
            "appropriate_policy_document",
            "sources",
            "collection_channels",
            "provision_requirement",
            "provision_consequences",
            "recipients",
            "retention_rule",
            "automated_decision",
            "automated_decision_logic",
            "automated_decision_safeguards",
            "review_by",
        ]
        widgets = {
            "lawful_basis": forms.RadioSelect,
            "recipients": forms.CheckboxSelectMultiple,
            "legitimate_interests": forms.Textarea(attrs={"rows": 3}),
            "vital_interests_justification": forms.Textarea(attrs={"rows": 3}),
            "provision_consequences": forms.Textarea(attrs={"rows": 3}),
            "automated_decision_logic": forms.Textarea(attrs={"rows": 3}),
            "automated_decision_safeguards": forms.Textarea(attrs={"rows": 3}),
        }
        labels = {"lawful_basis": "Lawful basis (UK GDPR Art 6(1))", "art9_condition": "Art 9(2) condition"}

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name in LIST_FIELDS:
            required = name in ("purposes", "data_subjects", "data_categories", "sources")
            self.fields[name] = LinesField(required=required, help_text=HELP[name], label=self.fields[name].label)
        self.fields["purposes"].error_messages["required"] = "Enter at least one purpose"
        self.fields["data_subjects"].error_messages["required"] = "Enter whose information this is"
        self.fields["data_categories"].error_messages["required"] = "Enter the kinds of information used"
        self.fields["sources"].error_messages["required"] = "Enter where the information comes from"
        self.fields["lawful_basis"].error_messages["required"] = "Select the lawful basis"
        self.fields["name"].error_messages["required"] = "Enter the activity's name"
        self.fields["lawful_basis"].choices = [(b.value, b.label) for b in LawfulBasis]  # type: ignore[attr-defined]
        self.fields["art9_condition"].choices = [("", "None: no special category data")] + [  # type: ignore[attr-defined]
            (c.value, ART9_LABELS[c]) for c in Art9Condition
        ]
        self.fields["review_by"].help_text = "For example, 31/3/2027"

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if self.errors:
            return cleaned
        record = to_record("activities", self.instance, include_empty=True)
        record.update({k: v for k, v in cleaned.items() if k not in ("recipients", "retention_rule")})
        record["recipients"] = [r.slug for r in cleaned.get("recipients") or []]
        rule = cleaned.get("retention_rule")
        record["retention_rule"] = rule.slug if rule else ""
        recipients = {r.slug: to_record("recipients", r) for r in Recipient.objects.all()}
        findings = consistency.check_activity(
            record,
            controller_kind=self.instance.service.controller.kind,
            recipients=recipients,
            today=timezone.localdate(),
        )
        for finding in findings:
            field = finding.field if finding.field in self.fields else None
            self.add_error(field, finding.message[:1].upper() + finding.message[1:])
        return cleaned


class ControllerForm(forms.ModelForm):
    """A controller's contact details, held once and shown on every notice, letter and page (P143, P144)."""

    website = forms.URLField(required=False, assume_scheme="https", label="Website")

    class Meta:
        model = Controller
        fields = [
            "name",
            "address",
            "email",
            "phone",
            "website",
            "ico_registration",
            "ico_renewal_on",
            "dpo_name",
            "dpo_email",
            "dpo_phone",
            "dpo_address",
        ]
        widgets = {"address": forms.Textarea(attrs={"rows": 3}), "dpo_address": forms.Textarea(attrs={"rows": 3})}
        labels = {
            "name": "Legal name",
            "ico_registration": "ICO registration number",
            "ico_renewal_on": "ICO registration renewal date",
            "dpo_name": "Data Protection Officer's name or title",
            "dpo_email": "Data Protection Officer's email",
            "dpo_phone": "Data Protection Officer's phone",
            "dpo_address": "Data Protection Officer's postal address",
        }
        help_texts = {"ico_renewal_on": "For example, 31/3/2027", "ico_registration": "For example, ZA123456"}

    def clean(self) -> dict[str, Any]:
        cleaned = super().clean() or {}
        if not self.errors:
            record = {**to_record("controllers", self.instance, include_empty=True), **cleaned}
            for finding in consistency.check_controller(record):
                self.add_error(finding.field if finding.field in self.fields else None, finding.message)
        return cleaned
