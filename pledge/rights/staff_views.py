"""Staff pages for releasing a case's response to the requester portal (HANDLE_CASES to change, VIEW_CASES to see).

Included at /staff/cases/ in pledge/urls.py before casework's own URLs; paths carry primary keys only.
"""

import logging
from datetime import timedelta
from typing import Any

from django import forms
from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_GET, require_POST

from pledge.casework.models import Case
from pledge.core.encryption import DecryptionError
from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.core.uploads import TYPES, FileType, UploadRejectedError, private_storage
from pledge.rights import releases
from pledge.rights.models import Release, ResponseFile
from pledge.rights.portal_forms import ReleaseForm, ResponseFileForm, WithdrawReleaseForm

logger = logging.getLogger(__name__)


def _upload_form(data: Any = None, files: Any = None) -> ResponseFileForm:
    return ResponseFileForm(
        data,
        files,
        allowed=releases.RESPONSE_TYPES,
        limit=releases.upload_limit_for("response.pdf"),
        video_limit=releases.upload_limit_for("footage.mp4"),
    )


def _page(
    request: HttpRequest,
    case: Case,
    *,
    upload_form: ResponseFileForm | None = None,
    withdraw: tuple[int, WithdrawReleaseForm] | None = None,
    release_form: ReleaseForm | None = None,
    error: str = "",
) -> HttpResponse:
    failed_release, failed_form = withdraw or (None, None)
    release_rows = [
        {
            "release": release,
            "files": list(release.files.all()),
            "form": failed_form
            if release.pk == failed_release
            else WithdrawReleaseForm(prefix=f"withdraw-{release.pk}"),
        }
        for release in case.releases.select_related("released_by", "withdrawn_by")
    ]
    failed: forms.Form | None = upload_form if upload_form is not None and upload_form.errors else failed_form
    if release_form is not None and release_form.errors:
        failed = release_form
    context = {
        "staff_section": "cases",
        "case": case,
        "can_handle": request.user.has_pledge_permission(Permission.HANDLE_CASES),  # type: ignore[union-attr]
        "unreleased": list(releases.unreleased_files(case)),
        "upload_form": upload_form or _upload_form(),
        "release_form": release_form or ReleaseForm(),
        "release_rows": release_rows,
        "downloads": list(releases.downloads_for(case)),
        "release_until": timezone.now() + timedelta(days=releases.release_days()),
        "release_days": releases.release_days(),
        "failed_form": failed,
        "errors": [{"text": error, "href": "#release"}] if error else [],
        "type_labels": {t.value: TYPES[t].label for t in FileType},
    }
    return render(request, "rights/staff/release.html", context, status=200)


@require_GET
@require_permission(Permission.VIEW_CASES)
def release_page(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, get_object_or_404(Case, pk=pk))


@require_POST
@require_permission(Permission.HANDLE_CASES)
def upload_file(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    form = _upload_form(request.POST, request.FILES)
    if form.is_valid():
        try:
            releases.add_response_file(case=case, upload=form.cleaned_data["file"], actor=request.user)
        except (UploadRejectedError, releases.ReleaseError) as problem:
            form.add_error("file", str(problem))
        else:
            messages.success(request, "File added. It is not visible to the requester until you release it.")
            return redirect("rights_staff:release", pk=case.pk)
    return _page(request, case, upload_form=form)


@require_POST
@require_permission(Permission.HANDLE_CASES)
def remove_file(request: HttpRequest, pk: int, file_id: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    response_file = get_object_or_404(ResponseFile, pk=file_id, case=case)
    try:
        releases.remove_response_file(response_file=response_file, actor=request.user)
    except releases.ReleaseError as problem:
        return _page(request, case, error=str(problem))
    messages.success(request, "File removed.")
    return redirect("rights_staff:release", pk=case.pk)


@require_GET
@require_permission(Permission.VIEW_CASES)  # type: ignore[arg-type]  # the guard passes a FileResponse through
def open_file(request: HttpRequest, pk: int, file_id: int) -> HttpResponseBase:
    """Let staff check a response file; opening it is audited."""
    case = get_object_or_404(Case, pk=pk)
    response_file = get_object_or_404(ResponseFile, pk=file_id, case=case)
    try:
        opened = private_storage().open(response_file.storage_name, "rb")
    except (FileNotFoundError, DecryptionError):
        logger.error("Response file %s cannot be read from private storage", response_file.pk)
        return render(request, "rights/staff/file_missing.html", {"staff_section": "cases", "case": case}, status=404)
    releases.record_staff_view(response_file=response_file, actor=request.user)
    response = FileResponse(
        opened,
        as_attachment=True,
        filename=response_file.original_name,
        content_type=TYPES[FileType(response_file.file_type)].content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
@require_permission(Permission.HANDLE_CASES)
def release_files(request: HttpRequest, pk: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    form = ReleaseForm(request.POST)
    if not form.is_valid():
        return _page(request, case, release_form=form)
    try:
        release = releases.release_response(
            case=case, confirm_email=form.cleaned_data["confirm_email"], actor=request.user
        )
    except releases.ReleaseError as problem:
        form.add_error("confirm_email" if isinstance(problem, releases.AddressMismatchError) else None, str(problem))
        return _page(request, case, release_form=form)
    messages.success(
        request,
        f"Response released to the requester portal until {timezone.localtime(release.expires_at):%-d %B %Y}. "
        "We are emailing the requester that it is ready.",
    )
    return redirect("rights_staff:release", pk=case.pk)


@require_POST
@require_permission(Permission.HANDLE_CASES)
def withdraw(request: HttpRequest, pk: int, release_id: int) -> HttpResponse:
    case = get_object_or_404(Case, pk=pk)
    release = get_object_or_404(Release, pk=release_id, case=case)
    form = WithdrawReleaseForm(request.POST, prefix=f"withdraw-{release.pk}")
    if form.is_valid():
        try:
            releases.withdraw_release(release=release, reason=form.cleaned_data["reason"], actor=request.user)
        except releases.ReleaseError as problem:
            form.add_error(None, str(problem))
        else:
            messages.success(request, "Release withdrawn. The requester can no longer download these files.")
            return redirect("rights_staff:release", pk=case.pk)
    return _page(request, case, withdraw=(release.pk, form))
