"""The requester portal (issue 4): ask for a one-time link by reference and email, open it, see the request's
progress and letters, download the released response, sign out.

Nothing a visitor types changes what they see before they open an emailed link: every "send me a link" form gets
the same redirect and the same page. URLs carry opaque tokens or file numbers only, and a file is served only to
the portal session of its own case.
"""

import logging

from django.contrib import messages
from django.http import FileResponse, HttpRequest, HttpResponse
from django.http.response import HttpResponseBase
from django.shortcuts import redirect, render
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from pledge.casework.models import Case
from pledge.casework.services import CaseworkError
from pledge.casework.states import CaseState
from pledge.core.encryption import DecryptionError
from pledge.core.uploads import (
    TYPES,
    FileType,
    UploadRejectedError,
    describe_size,
    malware_scan_command,
    max_upload_bytes,
    private_storage,
)
from pledge.rights.evidence import EVIDENCE_TYPES, EvidenceUploadError, can_send_evidence, receive_portal_evidence
from pledge.rights.hashing import client_hash
from pledge.rights.models import ReleaseStatus
from pledge.rights.portal_forms import CheckRequestForm, EvidenceUploadForm
from pledge.rights.portal_links import link_minutes, redeem_portal_link, request_portal_link, usable_link
from pledge.rights.portal_session import end_portal_session, portal_case, session_minutes, start_portal_session
from pledge.rights.releases import available_files, find_download, record_download
from pledge.rights.status import portal_status, status_rows
from pledge.site.contacts import dpo_contact

logger = logging.getLogger(__name__)


def _times() -> dict[str, int]:
    return {"link_minutes": link_minutes(), "session_minutes": session_minutes()}


@require_http_methods(["GET", "POST"])
def portal_start(request: HttpRequest) -> HttpResponse:
    """Ask for the reference and email address; whatever matches or not, go to the same "check your email" page."""
    form = CheckRequestForm(request.POST if request.method == "POST" else None)
    if form.is_valid():
        request_portal_link(
            reference=form.cleaned_data["reference"], email=form.cleaned_data["email"], client=client_hash(request)
        )
        return redirect("rights:portal_link_sent")
    return render(request, "rights/portal/start.html", {"form": form, "dpo": dpo_contact(), **_times()})


@require_GET
def portal_link_sent(request: HttpRequest) -> HttpResponse:
    return render(request, "rights/portal/link_sent.html", {"dpo": dpo_contact(), **_times()})


def _link_problem(request: HttpRequest) -> HttpResponse:
    # Forged, expired and used links get one page, so it says nothing about which it was or whose it is.
    return render(request, "rights/portal/link_problem.html", {"dpo": dpo_contact(), **_times()}, status=410)


@never_cache
@require_http_methods(["GET", "POST"])
def portal_open(request: HttpRequest, token: str) -> HttpResponse:
    """GET asks the requester to continue (so a mail scanner fetching the link does not use it up); POST uses it."""
    if request.method == "GET":
        if usable_link(token=token) is None:
            return _link_problem(request)
        return render(request, "rights/portal/open.html", {})
    case = redeem_portal_link(token=token)
    if case is None:
        return _link_problem(request)
    start_portal_session(request, case=case)
    return redirect("rights:portal_request")


def _evidence_form(data: object = None, files: object = None) -> EvidenceUploadForm:
    return EvidenceUploadForm(data, files, allowed=EVIDENCE_TYPES, limit=max_upload_bytes())


@never_cache
@require_GET
def portal_request(request: HttpRequest) -> HttpResponse:
    """The case's progress in plain English, its letters and its released files, for its own portal session."""
    case = portal_case(request)
    if case is None:
        return redirect("rights:portal_start")
    return _request_page(request, case, _evidence_form())


@never_cache
@require_POST
def portal_upload(request: HttpRequest) -> HttpResponse:
    """Take proof of identity or authority from the requester, checked and scanned, as the case's ID evidence."""
    case = portal_case(request)
    if case is None:
        return redirect("rights:portal_start")
    form = _evidence_form(request.POST, request.FILES)
    if form.is_valid():
        try:
            receive_portal_evidence(case=case, proof=form.cleaned_data["proof"], upload=form.cleaned_data["file"])
        except (UploadRejectedError, EvidenceUploadError, CaseworkError) as problem:
            form.add_error("file", str(problem))
        else:
            messages.success(request, "We have received your file. We will contact you if we need anything else.")
            return redirect("rights:portal_request")
    return _request_page(request, case, form)


def _request_page(request: HttpRequest, case: Case, evidence_form: EvidenceUploadForm) -> HttpResponse:
    status = portal_status(case)
    context = {
        "evidence_form": evidence_form if can_send_evidence(case) or evidence_form.errors else None,
        "awaiting_proof": case.state == CaseState.AWAITING_ID,
        # Residents are told files are virus-checked only when a scanner is configured.
        "virus_checked": bool(malware_scan_command()),
        "status": status,
        "rows": status_rows(status),
        "files": [
            {
                "id": f.pk,
                "name": f.original_name,
                "label": TYPES[FileType(f.file_type)].label,
                "size": describe_size(f.size),
                "until": f.release.expires_at if f.release else None,
            }
            for f in available_files(case)
        ],
        "had_files": case.releases.exists(),
        "dpo": dpo_contact(),
        "session_minutes": session_minutes(),
    }
    return render(request, "rights/portal/request.html", context)


@never_cache
@require_GET
def portal_download(request: HttpRequest, file_id: int) -> HttpResponseBase:
    """Stream a released file of this session's case as an attachment, logging the download; never another's."""
    case = portal_case(request)
    if case is None:
        return redirect("rights:portal_start")
    found = find_download(case=case, file_id=file_id)
    if found.file is None:
        return render(request, "rights/portal/file_not_found.html", {"dpo": dpo_contact()}, status=404)
    if found.status != ReleaseStatus.AVAILABLE:
        return render(request, "rights/portal/file_gone.html", {"dpo": dpo_contact()}, status=410)
    try:
        opened = private_storage().open(found.file.storage_name, "rb")
    except (FileNotFoundError, DecryptionError):
        logger.error("Response file %s cannot be read from private storage", found.file.pk)
        return render(request, "rights/portal/file_not_found.html", {"dpo": dpo_contact()}, status=404)
    record_download(response_file=found.file, client=client_hash(request, length=16))
    response = FileResponse(
        opened,
        as_attachment=True,
        filename=found.file.original_name,
        content_type=TYPES[FileType(found.file.file_type)].content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    return response


@require_POST
def portal_sign_out(request: HttpRequest) -> HttpResponse:
    end_portal_session(request)
    return redirect("rights:portal_signed_out")


@require_GET
def portal_signed_out(request: HttpRequest) -> HttpResponse:
    return render(request, "rights/portal/signed_out.html", {})
