"""Staff forms for the disclosure log: one well-structured form for a new entry or an amendment (sections for the
recipient, what was disclosed, the person, the legal route, risk and urgency, court orders and bulk uploads), the
decision forms, the 'tell the person' forms and a recipient's due-diligence checks.

The person's email address is turned into the consent ledger's pseudonymous subject id as the form is read, so the
address itself is never stored.
"""

from datetime import date, datetime, time
from typing import Any

from django import forms
from django.utils import timezone

from pledge.casework.models import Case
from pledge.consent.models import ConsentPurpose, PurposeKind
from pledge.consent.services import ConsentRefused, subject_for_email
from pledge.disclosures.models import (
    Art9Choice,
    CheckAnswer,
    Disclosure,
    ExemptionChoice,
    Kind,
    LegalRoute,
    NotSoughtReason,
    Risk,
)
from pledge.disclosures.services import DisclosureDetails
from pledge.register.models import ProcessingActivity, Recipient, SharingAgreement

DATE_ERROR = "Enter a real date, for example 27/3/2026"
YES_NO = [("yes", "Yes"), ("no", "No")]
SECTIONS = {
    "Who it goes to": ["kind", "recipient", "recipient_name", "requester_reference", "activity", "agreement"],
    "What is disclosed and why": [
        "purpose",
        "data_items",
        "special_category",
        "for_marketing",
        "necessity",
        "minimum_data",
    ],
    "Who it is about": ["person_email", "case_reference"],
    "The legal route": [
        "route",
        "consent_purpose",
        "gateway_statute",
        "gateway_section",
        "exemption",
        "art9_condition",
        "justification",
    ],
    "Risk, consent and urgency": [
        "risk_category",
        "consent_sought",
        "consent_not_sought_reason",
        "urgent",
        "disclosed_on",
        "disclosed_time",
    ],
    "Court orders": ["court_name", "court_order_reference", "order_document"],
    "Bulk uploads (National Fraud Initiative and other data matching)": ["dataset", "record_count", "bulk_on"],
}


def _date(label: str, *, hint: str = "For example, 27/3/2026") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        help_text=hint,
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"invalid": DATE_ERROR},
    )


def _text(label: str, *, hint: str = "", required: bool = False, rows: int = 3) -> forms.CharField:
    return forms.CharField(
        label=label,
        required=required,
        max_length=5000,
        help_text=hint,
        widget=forms.Textarea(attrs={"rows": rows}),
        error_messages={"required": f"Enter {label[0].lower()}{label[1:]}"},
    )


def _line(label: str, *, hint: str = "", max_length: int = 200) -> forms.CharField:
    return forms.CharField(label=label, required=False, max_length=max_length, help_text=hint)


def _choice(label: str, choices: Any, *, hint: str = "", radios: bool = False) -> forms.ChoiceField:
    return forms.ChoiceField(
        label=label,
        required=False,
        choices=[("", "Select")] + list(choices) if not radios else list(choices),
        help_text=hint,
        widget=forms.RadioSelect if radios else forms.Select,
    )


class DisclosureForm(forms.Form):
    """A new disclosure, or the corrected version of an approved one."""

    kind = forms.ChoiceField(
        label="What kind of disclosure is it",
        choices=Kind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what kind of disclosure it is"},
    )
    recipient = forms.ModelChoiceField(
        label="Recipient in the register",
        queryset=Recipient.objects.all(),
        required=False,
        empty_label="Not in the register",
        help_text="For a referral, choose the authority responsible for the service.",
    )
    recipient_name = _line(
        "Recipient's name, if not in the register", hint="A recipient not in the register is flagged for the DPO."
    )
    requester_reference = _line("Their reference", hint="For example, the number on the police request form.")
    activity = forms.ModelChoiceField(
        label="Processing activity the data comes from",
        queryset=ProcessingActivity.objects.select_related("service"),
        required=False,
        empty_label="Not recorded",
    )
    agreement = forms.ModelChoiceField(
        label="Information-sharing agreement",
        queryset=SharingAgreement.objects.all(),
        required=False,
        empty_label="None: a one-off disclosure",
        help_text="Regular disclosures are made under an agreement.",
    )
    purpose = forms.CharField(
        label="What the recipient needs it for",
        max_length=300,
        error_messages={"required": "Enter what the recipient needs the information for"},
    )
    data_items = _text("The information disclosed", hint="One item a line, for example 'Current address'.")
    special_category = forms.ChoiceField(
        label="Does it include special category data",
        choices=YES_NO,
        widget=forms.RadioSelect,
        initial="no",
        help_text="Health, ethnicity, religion, sex life or orientation, politics, trade union, genetics, biometrics.",
    )
    for_marketing = forms.ChoiceField(
        label="Is it for the recipient's marketing",
        choices=YES_NO,
        widget=forms.RadioSelect,
        initial="no",
    )
    necessity = _text("Why each item is necessary", hint="Police requests: how it serves the stated purpose.")
    minimum_data = _text("The minimum data released", hint="What was actually sent, if less than was asked for.")
    person_email = forms.EmailField(
        label="The person's email address",
        required=False,
        help_text="Used to find the person on the consent ledger and in their access request. It is not stored.",
    )
    case_reference = _line(
        "Case reference", hint="The casework case this disclosure belongs to, if any.", max_length=20
    )
    route = forms.ChoiceField(
        label="The legal route",
        choices=LegalRoute.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the legal route for the disclosure"},
    )
    consent_purpose = forms.ChoiceField(
        label="Consent purpose",
        required=False,
        choices=[],
        help_text="Consent route: the consent ledger's purpose for sharing with this recipient.",
    )
    gateway_statute = _line("Statute", hint="Legal gateway: for example, Children Act 1989.")
    gateway_section = _line("Section", hint="For example, s.47.", max_length=100)
    exemption = _choice("Schedule 2 exemption", ExemptionChoice.choices)
    art9_condition = _choice(
        "Art 9(2) condition", Art9Choice.choices, hint="Special category data without explicit consent."
    )
    justification = _text("Justification", hint="Why the disclosure is necessary and lawful without consent.")
    risk_category = _choice("The risk", Risk.choices, hint="Safeguarding or serious risk disclosures.")
    consent_sought = _choice("Was the person's consent sought", YES_NO, radios=True)
    consent_not_sought_reason = _choice("Why not", NotSoughtReason.choices, radios=True)
    urgent = forms.BooleanField(label="It was urgent: the information was disclosed before approval", required=False)
    disclosed_on = _date("Date it was disclosed")
    disclosed_time = forms.TimeField(
        label="Time it was disclosed",
        required=False,
        input_formats=["%H:%M", "%H.%M"],
        help_text="On the 24-hour clock, for example 14:30",
        widget=forms.TextInput(attrs={"class": "govuk-input--width-5"}),
        error_messages={"invalid": "Enter a time on the 24-hour clock, for example 14:30"},
    )
    court_name = _line("Court")
    court_order_reference = _line("Order reference", max_length=100)
    order_document = forms.FileField(
        label="The court order", required=False, help_text="A PDF, PNG or JPEG scan of the sealed order."
    )
    dataset = _line("Dataset")
    record_count = forms.IntegerField(
        label="Number of records",
        required=False,
        min_value=0,
        widget=forms.TextInput(attrs={"class": "govuk-input--width-10", "inputmode": "numeric"}),
        error_messages={"invalid": "Number of records must be a whole number, like 4500"},
    )
    bulk_on = _date("Date of the upload")

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        purposes = ConsentPurpose.objects.filter(kind=PurposeKind.SHARING).order_by("recipient", "slug")
        choice = self.fields["consent_purpose"]
        choice.choices = [("", "Not on the consent route")] + [  # type: ignore[attr-defined]
            (p.slug, f"{p.name} ({p.recipient})") for p in purposes
        ]

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        """The fields under their headings, for the template."""
        return [(title, [self[name] for name in names]) for title, names in SECTIONS.items()]

    def clean_person_email(self) -> str:
        value: str = self.cleaned_data.get("person_email", "")
        if value:
            try:
                self.cleaned_data["subject_id"] = subject_for_email(value)
            except ConsentRefused as refused:
                raise forms.ValidationError(str(refused)) from None
        return value

    def clean_case_reference(self) -> str:
        value: str = self.cleaned_data.get("case_reference", "").strip().upper()
        if value and not Case.objects.filter(reference=value).exists():
            raise forms.ValidationError("There is no case with that reference")
        return value

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        day, at = data.get("disclosed_on"), data.get("disclosed_time")
        data["disclosed_at"] = None
        if isinstance(day, date):
            moment = datetime.combine(day, at if isinstance(at, time) else time(0, 0))
            data["disclosed_at"] = timezone.make_aware(moment)
        return data

    def details(self, *, keep_subjects: list[str] | None = None) -> DisclosureDetails:
        """The cleaned form as the service's details; an amendment keeps the original's people unless one is given."""
        data = self.cleaned_data
        subjects = [data["subject_id"]] if data.get("subject_id") else list(keep_subjects or [])
        case = Case.objects.filter(reference=data["case_reference"]).first() if data["case_reference"] else None
        lines = [line.strip() for line in data["data_items"].splitlines() if line.strip()]
        sought = {"yes": True, "no": False}.get(data["consent_sought"])
        return DisclosureDetails(
            kind=data["kind"],
            purpose=data["purpose"],
            data_items=lines,
            route=data["route"],
            recipient=data["recipient"],
            recipient_name="" if data["recipient"] else data["recipient_name"],
            requester_reference=data["requester_reference"],
            activity=data["activity"],
            agreement=data["agreement"],
            special_category=data["special_category"] == "yes",
            for_marketing=data["for_marketing"] == "yes",
            minimum_data=data["minimum_data"],
            necessity=data["necessity"],
            subject_ids=subjects,
            case=case,
            consent_purpose=data["consent_purpose"],
            gateway_statute=data["gateway_statute"],
            gateway_section=data["gateway_section"],
            exemption=data["exemption"],
            art9_condition=data["art9_condition"],
            justification=data["justification"],
            risk_category=data["risk_category"],
            consent_sought=sought,
            consent_not_sought_reason=data["consent_not_sought_reason"] if sought is False else "",
            urgent=data["urgent"],
            disclosed_at=data["disclosed_at"] if data["urgent"] else None,
            court_name=data["court_name"],
            court_order_reference=data["court_order_reference"],
            dataset=data["dataset"],
            record_count=data["record_count"],
            bulk_on=data["bulk_on"],
        )


def initial_from(entry: Disclosure) -> dict[str, Any]:
    """An entry's values as the form's starting point for an amendment (the person stays as they were)."""
    local = timezone.localtime(entry.disclosed_at) if entry.disclosed_at else None
    sought = {True: "yes", False: "no"}.get(entry.consent_sought, "")  # type: ignore[arg-type]
    return {
        **{name: getattr(entry, name) for name in SIMPLE_FIELDS},
        "recipient": entry.recipient_id,
        "activity": entry.activity_id,
        "agreement": entry.agreement_id,
        "data_items": "\n".join(entry.data_items),
        "special_category": "yes" if entry.special_category else "no",
        "for_marketing": "yes" if entry.for_marketing else "no",
        "case_reference": entry.case.reference if entry.case else "",
        "consent_sought": sought,
        "disclosed_on": local.date() if local else None,
        "disclosed_time": f"{local:%H:%M}" if local else "",
    }


SIMPLE_FIELDS = [
    "kind",
    "recipient_name",
    "requester_reference",
    "purpose",
    "necessity",
    "minimum_data",
    "route",
    "consent_purpose",
    "gateway_statute",
    "gateway_section",
    "exemption",
    "art9_condition",
    "justification",
    "risk_category",
    "consent_not_sought_reason",
    "urgent",
    "court_name",
    "court_order_reference",
    "dataset",
    "record_count",
    "bulk_on",
]


class AmendForm(DisclosureForm):
    amendment_reason = _text("What the amendment corrects and why", required=True)

    def sections(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [("The amendment", [self["amendment_reason"]]), *super().sections()]


class RefuseForm(forms.Form):
    reason = _text("Why the disclosure is refused", required=True)


class ToldForm(forms.Form):
    told_on = forms.DateField(
        label="Date the letter was sent",
        help_text="For example, 27/3/2026",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"required": "Enter the date the letter was sent", "invalid": DATE_ERROR},
    )


class NotSafeForm(forms.Form):
    reasons = _text("Why telling the person now is not safe", required=True)
    review_on = forms.DateField(
        label="Date to reconsider",
        help_text="We will remind you on this date. For example, 27/3/2027",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"required": "Enter the date to reconsider telling the person", "invalid": DATE_ERROR},
    )


class DueDiligenceForm(forms.Form):
    agreement = forms.ChoiceField(
        label="Is there a sharing agreement or protocol in place",
        choices=CheckAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether there is a sharing agreement"},
    )
    security_assurance = forms.ChoiceField(
        label="Has the recipient given security assurance",
        choices=CheckAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether the recipient has given security assurance"},
    )
    contract = forms.ChoiceField(
        label="Is there a contract",
        choices=CheckAnswer.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select whether there is a contract"},
    )
    review_on = forms.DateField(
        label="Date the checks are next reviewed",
        help_text="For example, 27/3/2027",
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"required": "Enter the date the checks are next reviewed", "invalid": DATE_ERROR},
    )
    notes = _text("Notes")


class SharingRestrictionForm(forms.Form):
    only = forms.ChoiceField(
        label="Is this activity's data shared outside the council only where the law requires it",
        choices=YES_NO,
        widget=forms.RadioSelect,
        help_text="If yes, a disclosure of its data offers only the legal gateway route.",
        error_messages={"required": "Select yes or no"},
    )
    source = _line(
        "Where this is promised", hint="For example, the privacy notice sentence that says so.", max_length=300
    )
