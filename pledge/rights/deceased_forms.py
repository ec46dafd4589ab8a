"""The staff form for replying to a request about someone who has died (P048)."""

from django import forms

from pledge.rights.deceased_letter import DeceasedLetter


class DeceasedLetterForm(forms.Form):
    """Who wrote, and about whom: enough for the letter, nothing kept."""

    writer_name = forms.CharField(
        label="Name of the person who made the request",
        max_length=200,
        error_messages={"required": "Enter the name of the person who made the request"},
    )
    writer_address = forms.CharField(
        label="Their postal address",
        required=False,
        max_length=500,
        help_text="Leave blank if you will email the letter.",
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    deceased_name = forms.CharField(
        label="Name of the person who has died",
        max_length=200,
        error_messages={"required": "Enter the name of the person who has died"},
    )
    their_reference = forms.CharField(label="Their reference, if they gave one", required=False, max_length=100)

    def letter(self) -> DeceasedLetter:
        """The letter's details from the cleaned form; addresses keep their lines joined with commas."""
        data = self.cleaned_data
        address = ", ".join(line.strip() for line in data["writer_address"].splitlines() if line.strip())
        return DeceasedLetter(
            writer_name=data["writer_name"].strip(),
            writer_address=address,
            deceased_name=data["deceased_name"].strip(),
            their_reference=data["their_reference"].strip(),
        )
