"""The staff form for one cookie register item."""

from django import forms

from pledge.cookies.models import CookieItem


class CookieItemForm(forms.ModelForm):
    privacy_url = forms.URLField(
        required=False, assume_scheme="https", label="Link to the provider’s privacy information"
    )

    class Meta:
        model = CookieItem
        fields = [
            "name",
            "name_is_prefix",
            "kind",
            "provider",
            "privacy_url",
            "category",
            "purpose",
            "lifetime_seconds",
            "lifetime_note",
            "exemption",
        ]
        labels = {
            "name_is_prefix": "The name varies: match every name that starts with this",
            "lifetime_seconds": "Lifetime in seconds",
            "lifetime_note": "Lifetime as shown to visitors (optional)",
            "exemption": "PECR exception",
        }
        help_texts = {
            "lifetime_seconds": "Leave empty if it ends when the browser closes. The cookie scan checks real expiries.",
            "exemption": "DUAA exceptions count only once turned on (PLEDGE_COOKIE_DUAA_EXEMPTIONS).",
        }
        widgets = {"kind": forms.RadioSelect, "category": forms.RadioSelect, "exemption": forms.RadioSelect}
