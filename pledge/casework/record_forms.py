"""Forms for the records on a case: identity checks, evidence, attachments, notes and search tasks."""

from typing import Any

from django import forms

from pledge.casework.attachments import ATTACHMENT_TYPES
from pledge.casework.forms import OnDateForm, case_handlers
from pledge.casework.identity import EVIDENCE_TYPES
from pledge.casework.identity_rules import check_problem, evidence_days
from pledge.casework.models import Proof
from pledge.casework.notes import MAX_NOTE_LENGTH
from pledge.casework.record_models import AttachmentKind, AuthorityType, CheckMethod, DocumentType, SearchState
from pledge.core.models import User
from pledge.core.uploads import UploadRejectedError, allowed_list, check_upload, describe_size, max_upload_bytes
from pledge.register.models import Service, System


class IdentityCheckForm(OnDateForm):
    """How identity or authority was checked; the document or authority type when one was seen."""

    method = forms.ChoiceField(
        label="How was identity or authority checked?",
        choices=CheckMethod.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select how identity or authority was checked"},
    )
    document_type = forms.ChoiceField(
        label="If a document was seen: which type",
        choices=[("", "No document seen"), *DocumentType.choices],
        required=False,
        widget=forms.Select,
        help_text="Record the type only, never the document's number.",
    )
    authority_type = forms.ChoiceField(
        label="If proof of authority was seen: which",
        choices=[("", "No proof of authority seen"), *AuthorityType.choices],
        required=False,
        widget=forms.Select,
    )

    field_order = ["method", "document_type", "authority_type", "on"]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if "method" in data:
            problem = check_problem(
                method=data["method"],
                document_type=data.get("document_type", ""),
                authority_type=data.get("authority_type", ""),
            )
            if problem:
                self.add_error(problem[0], problem[1])
        return data


def _checked_file(upload: Any, allowed: frozenset[Any]) -> Any:
    try:
        check_upload(upload, allowed=allowed)
    except UploadRejectedError as error:
        raise forms.ValidationError(str(error)) from None
    return upload


def _file_field(label: str, allowed: frozenset[Any], extra_hint: str = "") -> forms.FileField:
    hint = f"A {allowed_list(allowed)}, smaller than {describe_size(max_upload_bytes())}.{extra_hint}"
    return forms.FileField(label=label, help_text=hint, error_messages={"required": "Select a file"})


class EvidenceForm(forms.Form):
    proof = forms.ChoiceField(
        label="What does the evidence show?",
        choices=Proof.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the evidence shows"},
    )
    file = _file_field("Evidence file", EVIDENCE_TYPES)

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields[
            "file"
        ].help_text += (
            f" Only keep a copy if you need one. It is deleted {evidence_days()} days after the check is recorded."
        )

    def clean_file(self) -> Any:
        return _checked_file(self.cleaned_data["file"], EVIDENCE_TYPES)


class AttachmentForm(forms.Form):
    kind = forms.ChoiceField(
        label="What is the document?",
        choices=AttachmentKind.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the document is"},
    )
    file = _file_field("Document to attach", ATTACHMENT_TYPES)

    def clean_file(self) -> Any:
        return _checked_file(self.cleaned_data["file"], ATTACHMENT_TYPES)


class NoteForm(forms.Form):
    text = forms.CharField(
        label="Note",
        widget=forms.Textarea(attrs={"rows": 3}),
        max_length=MAX_NOTE_LENGTH,
        help_text="Notes cannot be changed or deleted. To correct one, add another note.",
        error_messages={
            "required": "Enter the note",
            "max_length": f"The note must be {MAX_NOTE_LENGTH:,} characters or fewer",
        },
    )


def _assignee_field() -> forms.ModelChoiceField:
    return forms.ModelChoiceField(
        label="Who is searching", queryset=User.objects.none(), required=False, empty_label="Nobody yet"
    )


class SearchTaskForm(forms.Form):
    service = forms.ModelChoiceField(
        label="Service to search", queryset=Service.objects.none(), required=False, empty_label="No particular service"
    )
    system = forms.ModelChoiceField(
        label="System to search", queryset=System.objects.none(), required=False, empty_label="No particular system"
    )
    assignee = _assignee_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["service"].queryset = Service.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["system"].queryset = System.objects.order_by("name")  # type: ignore[attr-defined]
        self.fields["assignee"].queryset = case_handlers()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if not data.get("service") and not data.get("system") and not self.errors:
            self.add_error("service", "Select the service or the system to search")
        return data


class SearchResultForm(forms.Form):
    state = forms.ChoiceField(
        label="What did the search find?",
        choices=SearchState.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Select what the search found"},
    )
    note = forms.CharField(
        label="What was found, or why the search does not apply",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
        max_length=2000,
        help_text="Needed when the search does not apply. Do not copy the requester's data here.",
        error_messages={"max_length": "The note must be 2,000 characters or fewer"},
    )
    assignee = _assignee_field()

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.fields["assignee"].queryset = case_handlers()  # type: ignore[attr-defined]

    def clean(self) -> dict[str, Any]:
        data = super().clean() or {}
        if data.get("state") == SearchState.NOT_APPLICABLE and not data.get("note", "").strip():
            self.add_error("note", "Give the reason the search does not apply")
        return data
