"""Forms for publishing notices and auditing an existing notice."""

from pathlib import Path

from django import forms
from django.conf import settings

AUDIT_TYPES = {".txt", ".md", ".html", ".htm", ".pdf"}


class PublishForm(forms.Form):
    change_summary = forms.CharField(
        max_length=500,
        label="What has changed",
        help_text="Shown to the public in the notice's change history, for example 'Added our webchat supplier'.",
        error_messages={"required": "Enter what has changed"},
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    effective_from = forms.DateField(
        label="Takes effect on",
        help_text="For example, 1/12/2026",
        error_messages={"required": "Enter the date the notice takes effect", "invalid": "Enter a real date"},
    )


class AuditUploadForm(forms.Form):
    notice = forms.FileField(
        label="Upload a privacy notice",
        help_text="A .txt, .md, .html or .pdf file, up to 5 MB.",
        error_messages={"required": "Select a file to audit"},
    )

    def clean_notice(self) -> object:
        upload = self.cleaned_data["notice"]
        if Path(upload.name).suffix.lower() not in AUDIT_TYPES:
            raise forms.ValidationError("The file must be a .txt, .md, .html or .pdf file")
        if upload.size > settings.PLEDGE_MAX_UPLOAD_BYTES:
            raise forms.ValidationError("The file must be smaller than 5 MB")
        return upload
