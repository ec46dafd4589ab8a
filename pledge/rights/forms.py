"""One form per question page of the public request journey, with GOV.UK error messages.

Choices come from the casework enums, so a tampered value is refused like any other wrong answer.
"""

from django import forms

from pledge.casework.models import CaseKind, Relationship
from pledge.frontend.fields import email_field, person_name_field

DETAILS_MAX_CHARS = 5000

# Plain-English wording for each kind of request, in the order the start page explains them.
KIND_WORDING: dict[str, tuple[str, str]] = {
    CaseKind.ACCESS: ("Get a copy of the information you hold about me", "This is called a subject access request."),
    CaseKind.ACCESS_CCTV: ("Get a copy of CCTV or number plate camera footage of me", ""),
    CaseKind.RECTIFICATION: ("Correct information about me that is wrong or incomplete", ""),
    CaseKind.ERASURE: ("Delete information about me", ""),
    CaseKind.RESTRICTION: ("Limit how you use information about me", ""),
    CaseKind.OBJECTION: ("Object to how you use information about me", ""),
    CaseKind.PORTABILITY: ("Get information I gave you in a format I can reuse elsewhere", ""),
    CaseKind.AUTOMATED_DECISION_REVIEW: ("Ask for a person to review a decision made by a computer alone", ""),
    CaseKind.CONSENT_WITHDRAWAL: ("Withdraw my consent to you using information about me", ""),
    CaseKind.THIRD_PARTY_AUTHORISATION: ("Let someone else see my record", ""),
}

MYSELF, SOMEONE_ELSE = "myself", "someone_else"
FOR_WHOM_CHOICES = [(MYSELF, "For myself"), (SOMEONE_ELSE, "For someone else")]

# The relationships a person acting for someone else can have; "the person themselves" is the other radio.
RELATIONSHIP_CHOICES = [(value, label) for value, label in Relationship.choices if value != Relationship.SELF]


def kind_label(kind: str) -> str:
    """The plain-English wording of a kind of request."""
    return KIND_WORDING[kind][0]


class KindForm(forms.Form):
    kind = forms.ChoiceField(
        label="What do you want to do?",
        choices=[(kind.value, KIND_WORDING[kind][0]) for kind in CaseKind],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you want to do", "invalid_choice": "Select what you want to do"},
    )


class ForWhomForm(forms.Form):
    for_whom = forms.ChoiceField(
        label="Are you asking for yourself or for someone else?",
        choices=FOR_WHOM_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether you are asking for yourself or for someone else",
            "invalid_choice": "Select whether you are asking for yourself or for someone else",
        },
    )


class RelationshipForm(forms.Form):
    relationship = forms.ChoiceField(
        label="What is your relationship to the person?",
        help_text="We will ask you for proof that you can act for them.",
        choices=RELATIONSHIP_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select your relationship to the person",
            "invalid_choice": "Select your relationship to the person",
        },
    )


class SubjectNameForm(forms.Form):
    subject_name = forms.CharField(
        label="What is the name of the person the request is about?",
        max_length=200,
        widget=forms.TextInput(attrs={"spellcheck": "false", "class": "govuk-!-width-two-thirds"}),
        error_messages={
            "required": "Enter the name of the person the request is about",
            "max_length": "Their name must be 200 characters or fewer",
        },
    )


LIVING, DIED = "yes", "no"
LIVING_CHOICES = [(LIVING, "Yes"), (DIED, "No, they have died")]


class LivingForm(forms.Form):
    """UK GDPR protects living people only (Art 4(1), DPA 2018 s.3(2)): a request about someone who has died
    takes another route."""

    living = forms.ChoiceField(
        label="Is the person the request is about alive?",
        choices=LIVING_CHOICES,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Select whether the person is alive",
            "invalid_choice": "Select whether the person is alive",
        },
    )


class NameForm(forms.Form):
    name = person_name_field(label="What is your name?")


class ContactForm(forms.Form):
    email = email_field(
        label="Email address",
        help_text="We will use this to tell you about your request and to send you our reply.",
    )
    address = forms.CharField(
        label="Postal address",
        help_text="Only if you would like us to post our reply to you.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        error_messages={"max_length": "Your address must be 500 characters or fewer"},
    )


class DetailsForm(forms.Form):
    details = forms.CharField(
        label="Describe your request",
        help_text=(
            "Tell us what information or which service this is about, and any dates that would help us find it. "
            "Do not include bank details."
        ),
        max_length=DETAILS_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Describe your request",
            "max_length": f"Your description must be {DETAILS_MAX_CHARS:,} characters or fewer",
        },
    )


CCTV_DETAILS_HINT = (
    "Tell us the date, the time (as closely as you can) and the place the footage was recorded, and describe "
    "yourself or your vehicle so we can find you in it. Do not include bank details."
)
