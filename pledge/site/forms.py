"""The contact-the-DPO form, with GOV.UK error messages."""

from typing import Any

from django import forms
from django.core.validators import RegexValidator, slug_re

from pledge.consent.signup import NewsletterOffer
from pledge.frontend.fields import email_field, person_name_field

MESSAGE_MAX_CHARS = 5000

reference_validator = RegexValidator(
    slug_re,
    message="The reference must only include letters, numbers, hyphens and underscores, like council-tax-collection",
)


class ContactDpoForm(forms.Form):
    name = person_name_field(label="Your name")
    email = email_field(label="Your email address", help_text="We will only use this to reply to you.")
    about = forms.CharField(
        label="Reference of the privacy notice or activity this is about",
        help_text="You can find this at the end of each privacy notice, for example council-tax-collection.",
        required=False,
        max_length=80,
        validators=[reference_validator],
        widget=forms.TextInput(
            attrs={"spellcheck": "false", "autocapitalize": "none", "class": "govuk-input--width-20"}
        ),
        error_messages={"max_length": "The reference must be 80 characters or fewer"},
    )
    message = forms.CharField(
        label="Your message",
        help_text="Tell us what you want to know or what you are worried about. Do not include bank details.",
        max_length=MESSAGE_MAX_CHARS,
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": "Enter your message",
            "max_length": f"Your message must be {MESSAGE_MAX_CHARS:,} characters or fewer",
        },
    )

    # P078: an optional sign-up, unticked, apart from the submit; present only when the council offers a newsletter.
    newsletter = forms.BooleanField(label="Send me the council's newsletter", required=False)

    def __init__(self, *args: Any, newsletter_offer: NewsletterOffer | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if newsletter_offer is None:
            del self.fields["newsletter"]
        else:
            self.fields["newsletter"].help_text = (
                f"{newsletter_offer.wording} We will email you a link to confirm; nothing is sent until you use it. "
                "This does not affect your message."
            )

    def enquiry_data(self) -> dict[str, Any]:
        """The cleaned answers the enquiry is made from, without the newsletter choice."""
        return {k: v for k, v in self.cleaned_data.items() if k != "newsletter"}

    def wants_newsletter(self) -> bool:
        return bool(self.cleaned_data.get("newsletter"))

    def clean_about(self) -> str:
        """Accept references typed in capitals; the notice slugs are lower case."""
        return self.cleaned_data["about"].strip().lower()


def reference_from_query(value: str | None) -> str:
    """The ?about= value when it is a notice slug, else nothing: the page never echoes other text back."""
    value = (value or "").strip().lower()
    if len(value) > 80 or not slug_re.match(value):
        return ""
    return value
