"""Forms for the sign-up page, the preference centre and staff's lists and issues. Fields only parse; the rules
(one-line subjects, known lists, valid addresses) live in the services, whose messages the views put on fields."""

from typing import Any

from django import forms

from pledge.newsletters.lists import active_lists
from pledge.newsletters.models import MessageClass, NewsletterList

UNKNOWN_LIST = "Select newsletters from the list shown"


class SignupForm(forms.Form):
    lists = forms.MultipleChoiceField(
        label="Which newsletters would you like?",
        help_text="Select all that apply.",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select at least one newsletter", "invalid_choice": UNKNOWN_LIST},
    )
    email = forms.CharField(
        label="Email address",
        max_length=254,
        help_text="We will send a link to confirm. We use your address only to send the newsletters you choose.",
        widget=forms.EmailInput,
        error_messages={"required": "Enter your email address"},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["lists"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(n.slug, n.name) for n in active_lists()]


class PreferencesForm(forms.Form):
    lists = forms.MultipleChoiceField(
        label="Newsletters you get",
        help_text="Untick a newsletter to stop getting it.",
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"invalid_choice": UNKNOWN_LIST},
    )

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        field = self.fields["lists"]
        assert isinstance(field, forms.MultipleChoiceField)
        field.choices = [(str(n.pk), n.name) for n in active_lists()]


class ListForm(forms.Form):
    name = forms.CharField(label="Name", max_length=120, error_messages={"required": "Enter the newsletter's name"})
    slug = forms.CharField(
        label="Short name",
        max_length=60,
        help_text="Lower-case letters, numbers and hyphens, like bin-news. It names the consent purpose.",
        error_messages={"required": "Enter a short name"},
    )
    topic = forms.CharField(label="Topic", max_length=80, required=False)
    description = forms.CharField(label="What it is about", widget=forms.Textarea(attrs={"rows": 3}), required=False)
    wording = forms.CharField(
        label="What people agree to",
        help_text="Shown on the sign-up page and kept with each consent. Leave empty for the standard wording.",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )


class IssueForm(forms.Form):
    newsletter = forms.ModelChoiceField(
        label="Newsletter",
        queryset=NewsletterList.objects.filter(active=True),
        empty_label=None,
        error_messages={"required": "Select a newsletter", "invalid_choice": UNKNOWN_LIST},
    )
    subject_line = forms.CharField(
        label="Subject line", max_length=150, strip=False, error_messages={"required": "Enter a subject line"}
    )
    body = forms.CharField(
        label="Text",
        help_text="Leave a blank line between paragraphs. Start a line with ## for a heading.",
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Enter the newsletter's text"},
    )
    message_class = forms.ChoiceField(
        label="What kind of message is it?",
        choices=MessageClass.choices,
        widget=forms.RadioSelect,
        initial=MessageClass.PROMOTIONAL,
        help_text="Service messages are about a service people use. Anything else is promotional.",
        error_messages={"required": "Select what kind of message it is"},
    )
