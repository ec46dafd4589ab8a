"""The requester portal's form and the staff forms for releasing a response, with GOV.UK error messages."""

from django import forms

from pledge.core.uploads import allowed_list, describe_size
from pledge.frontend.fields import email_field
from pledge.rights.portal_links import REFERENCE_FORMAT, normalise_reference


class CheckRequestForm(forms.Form):
    reference = forms.CharField(
        label="Reference number",
        help_text="This is on the confirmation page and in our letters and emails, for example RR-2026-000123.",
        max_length=40,
        widget=forms.TextInput(
            attrs={"spellcheck": "false", "autocapitalize": "characters", "class": "govuk-input--width-20"}
        ),
        error_messages={
            "required": "Enter your reference number",
            "max_length": "Enter your reference number in the correct format, like RR-2026-000123",
        },
    )
    email = email_field(label="Email address", help_text="The email address you gave us when you made the request.")

    def clean_reference(self) -> str:
        """Accept lower case and spaces; refuse anything not shaped like one of our references."""
        reference = normalise_reference(self.cleaned_data["reference"])
        if not REFERENCE_FORMAT.match(reference):
            raise forms.ValidationError("Enter your reference number in the correct format, like RR-2026-000123")
        return reference


class ResponseFileForm(forms.Form):
    file = forms.FileField(
        label="Upload a response file",
        error_messages={"required": "Select a file to upload", "empty": "The selected file is empty"},
    )

    def __init__(self, *args: object, allowed: frozenset, limit: int, video_limit: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["file"].help_text = (
            f"{allowed_list(allowed)}, smaller than {describe_size(limit)} "
            f"({describe_size(video_limit)} for MP4 video such as CCTV footage)"
        )


class WithdrawReleaseForm(forms.Form):
    reason = forms.CharField(
        label="Why are you withdrawing these files?",
        help_text="For example, a file was sent in error. The requester will no longer be able to download them.",
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter why you are withdrawing the files",
            "max_length": "The reason must be 1,000 characters or fewer",
        },
    )


class ReleaseForm(forms.Form):
    """Staff type the requester's email address, so a response goes only to the address on the case (P133)."""

    confirm_email = forms.CharField(
        label="Type the requester's email address to confirm",
        help_text="It must match the email address on the case. We email a link to the portal, never the files.",
        max_length=254,
        widget=forms.TextInput(attrs={"spellcheck": "false", "autocomplete": "off"}),
        error_messages={
            "required": "Enter the requester's email address to confirm where the response goes",
            "max_length": "Enter the requester's email address as it is on the case",
        },
    )


class EvidenceUploadForm(forms.Form):
    """Proof of identity or authority the requester sends through the portal (P134)."""

    proof = forms.ChoiceField(
        label="What are you sending?",
        choices=[
            ("identity", "Proof of your identity"),
            ("authority", "Proof that you can act for the person the request is about"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Select what you are sending", "invalid_choice": "Select what you are sending"},
    )
    file = forms.FileField(
        label="Upload a file",
        error_messages={"required": "Select a file to upload", "empty": "The selected file is empty"},
    )

    def __init__(self, *args: object, allowed: frozenset, limit: int, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)  # type: ignore[arg-type]
        self.fields["file"].help_text = f"{allowed_list(allowed)}, smaller than {describe_size(limit)}"
