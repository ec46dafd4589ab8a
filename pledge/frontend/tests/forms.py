"""A form with one field of every widget {% govuk_field %} handles, for the tag library's tests."""

from django import forms


class EveryWidgetForm(forms.Form):
    full_name = forms.CharField(label="Full name", widget=forms.TextInput(attrs={"autocomplete": "name"}))
    email = forms.EmailField(label="Email address", help_text="We will only use this to reply.")
    age = forms.IntegerField(label="Age", required=False)
    story = forms.CharField(label="What happened?", widget=forms.Textarea)
    colour = forms.ChoiceField(label="Colour", choices=[("", "Choose a colour"), ("red", "Red"), ("blue", "Blue")])
    contact_by = forms.ChoiceField(
        label="How should we contact you?", choices=[("email", "Email"), ("post", "Post")], widget=forms.RadioSelect
    )
    topics = forms.MultipleChoiceField(
        label="Which services is it about?",
        choices=[("tax", "Council tax"), ("bins", "Bins")],
        widget=forms.CheckboxSelectMultiple,
    )
    agree = forms.BooleanField(label="I confirm the information is correct")
    evidence = forms.FileField(label="Upload a file", required=False)
    sent_on = forms.DateField(label="Date you wrote to us", required=False)
    token = forms.CharField(widget=forms.HiddenInput, required=False)

    def clean(self):  # type: ignore[no-untyped-def]
        cleaned = super().clean()
        if cleaned.get("full_name") == "Nobody":
            raise forms.ValidationError("We could not match your details")
        return cleaned
