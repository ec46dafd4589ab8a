"""Forms of the plan page: approving the dry run (with the ground it rests on) and closing an owner task."""

from typing import Any

from django import forms

from pledge.casework.models import Case, CaseKind
from pledge.law.erasure import ERASURE_GROUNDS
from pledge.law.restriction import RESTRICTION_GROUNDS


class ApprovePlanForm(forms.Form):
    """For erasure, the Art 17(1) ground (P052); for restriction, the Art 18(1) ground and what is restricted."""

    erase_ground = forms.ChoiceField(
        label="Art 17(1) ground for erasing the records",
        choices=[(ground.value, info.label) for ground, info in ERASURE_GROUNDS.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the Art 17(1) ground for erasing the records"},
    )
    restriction_ground = forms.ChoiceField(
        label="Art 18(1) ground for the restriction",
        choices=[(ground.value, info.label) for ground, info in RESTRICTION_GROUNDS.items()],
        widget=forms.RadioSelect,
        error_messages={"required": "Select the Art 18(1) ground for the restriction"},
    )
    restriction_scope = forms.CharField(
        label="Which data or processing is restricted",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter which data or processing is restricted"},
    )

    def __init__(self, *args: Any, case: Case, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if case.kind != CaseKind.ERASURE:
            del self.fields["erase_ground"]
        if case.kind != CaseKind.RESTRICTION:
            del self.fields["restriction_ground"]
            del self.fields["restriction_scope"]


class CompleteTaskForm(forms.Form):
    note = forms.CharField(
        label="What the system owner did, and when",
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter what the system owner did, and when"},
    )
