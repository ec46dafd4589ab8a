"""DPIA forms: screening questions, a new DPIA, the assessment, a risk, the DPO's advice."""

from django import forms

from pledge.dpia.models import LIKELIHOOD_CHOICES, SEVERITY_CHOICES
from pledge.law.dpia import QUESTIONS


class ScreeningForm(forms.Form):
    answers = forms.MultipleChoiceField(
        label="Which of these describe the processing?",
        help_text="Select all that apply. Those the register already shows are selected; check them.",
        choices=[(q.value, text) for q, text in QUESTIONS.items()],
        widget=forms.CheckboxSelectMultiple,
        required=False,
    )
    notes = forms.CharField(
        label="Notes (optional)", required=False, max_length=2000, widget=forms.Textarea(attrs={"rows": 3})
    )


class NewDpiaForm(forms.Form):
    title = forms.CharField(label="Title", max_length=200, error_messages={"required": "Enter a title"})
    description = forms.CharField(
        label="Describe the processing and its purposes",
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={"required": "Describe the processing and its purposes"},
    )


class AssessmentForm(forms.Form):
    necessity = forms.CharField(
        label="Why is the processing necessary and proportionate?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    consultation = forms.CharField(
        label="Whose views did you seek, and what did they say?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    review_on = forms.DateField(
        label="Review date",
        required=False,
        widget=forms.DateInput,
        error_messages={"invalid": "Enter a real date, for example 27/3/2027"},
    )


class RiskForm(forms.Form):
    description = forms.CharField(
        label="Risk to people",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Describe the risk"},
    )
    likelihood = forms.ChoiceField(
        label="Likelihood of harm",
        choices=LIKELIHOOD_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the likelihood of harm"},
    )
    severity = forms.ChoiceField(
        label="Severity of harm",
        choices=SEVERITY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the severity of harm"},
    )
    mitigation = forms.CharField(
        label="Measures to reduce or remove the risk",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter the measures that reduce or remove the risk"},
    )
    residual_likelihood = forms.ChoiceField(
        label="Likelihood after the measures",
        choices=LIKELIHOOD_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the likelihood after the measures"},
    )
    residual_severity = forms.ChoiceField(
        label="Severity after the measures",
        choices=SEVERITY_CHOICES,
        widget=forms.RadioSelect,
        error_messages={"required": "Select the severity after the measures"},
    )


class AdviceForm(forms.Form):
    advice = forms.CharField(
        label="The DPO's advice",
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"required": "Enter the DPO's advice"},
    )
