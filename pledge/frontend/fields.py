"""Form fields residents meet on more than one form, with the GOV.UK error messages written once."""

from django import forms


def person_name_field(*, label: str) -> forms.CharField:
    """A full-name input with the GOV.UK 'Enter your name' messages."""
    return forms.CharField(
        label=label,
        max_length=200,
        widget=forms.TextInput(
            attrs={"autocomplete": "name", "spellcheck": "false", "class": "govuk-!-width-two-thirds"}
        ),
        error_messages={"required": "Enter your name", "max_length": "Your name must be 200 characters or fewer"},
    )


def email_field(*, label: str, help_text: str) -> forms.EmailField:
    """An email input with the GOV.UK email-address messages."""
    return forms.EmailField(
        label=label,
        help_text=help_text,
        max_length=254,
        widget=forms.EmailInput(attrs={"class": "govuk-!-width-two-thirds"}),
        error_messages={
            "required": "Enter your email address",
            "invalid": "Enter an email address in the correct format, like name@example.com",
            "max_length": "Your email address must be 254 characters or fewer",
        },
    )
