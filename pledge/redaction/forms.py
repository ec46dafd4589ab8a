"""Review forms: decide one proposal, add a redaction by quoting the text, approve the document."""

from typing import Any

from django import forms

from pledge.redaction.models import Decision, ExemptionCode

EXEMPTION_CHOICES = [("", "Choose an exemption"), *ExemptionCode.choices]


class DecisionForm(forms.Form):
    """Redact or release one proposed span; redacting needs an exemption and a reason (spec §3.2)."""

    decision = forms.ChoiceField(
        label="Redact or release this text?",
        choices=[(Decision.ACCEPTED.value, "Redact"), (Decision.REJECTED.value, "Release (do not redact)")],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to redact or release this text"},
    )
    exemption_code = forms.ChoiceField(label="Exemption", choices=EXEMPTION_CHOICES, required=False)
    reason = forms.CharField(
        label="Reason",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
        help_text="For third-party data, the balancing test: consent, confidentiality, and why disclosure would or "
        "would not be reasonable.",
    )

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("decision") == Decision.ACCEPTED:
            if not data.get("exemption_code"):
                self.add_error("exemption_code", "Choose the exemption the redaction rests on")
            if not (data.get("reason") or "").strip():
                self.add_error("reason", "Give the reason for the redaction")
        return data


class AddRedactionForm(forms.Form):
    """A caseworker's own redaction: the exact words to remove, and which occurrence of them."""

    quote = forms.CharField(
        label="Text to redact",
        help_text="Copy the words exactly as they appear in the document.",
        max_length=500,
        error_messages={"required": "Enter the text to redact"},
    )
    occurrence = forms.IntegerField(
        label="Which occurrence", min_value=1, initial=1, help_text="1 for the first time the words appear."
    )
    exemption_code = forms.ChoiceField(
        label="Exemption", choices=EXEMPTION_CHOICES, error_messages={"required": "Choose the exemption"}
    )
    reason = forms.CharField(
        label="Reason", widget=forms.Textarea(attrs={"rows": 2}), error_messages={"required": "Give the reason"}
    )

    def __init__(self, *args: Any, text: str = "", **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.text = text

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        quote, occurrence = data.get("quote"), data.get("occurrence")
        if quote and occurrence:
            start = -1
            for _ in range(occurrence):
                start = self.text.find(quote, start + 1)
                if start < 0:
                    self.add_error("quote", "Those words do not appear in the document that many times")
                    return data
            data["start"], data["end"] = start, start + len(quote)
        return data
