"""Public notice pages (stable addresses, versions, change history) and staff publishing and auditing."""

from typing import Any

from django.conf import settings
from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone

from pledge.core.permissions import require_permission
from pledge.core.roles import Permission
from pledge.notices.audit import audit_document, audit_text
from pledge.notices.audit.checklist import BY_ID
from pledge.notices.audit.models import AuditReadError
from pledge.notices.downloads import FORMATS, blocks_file, download_links, notice_file, version_footer
from pledge.notices.forms import AuditUploadForm, PublishForm
from pledge.notices.generation import load_ico_details, with_live_contacts
from pledge.notices.models import Notice, NoticeScope, NoticeVersion
from pledge.notices.render import notice_blocks, notice_text
from pledge.notices.retention_schedule import (
    retention_schedule_blocks,
    retention_schedule_csv,
    retention_schedule_rows,
)
from pledge.notices.services import NoticeIncomplete, NoticeUnchanged, diff_versions, preview_notice, publish_notice


def notice_index(request: HttpRequest) -> HttpResponse:
    notices = Notice.objects.filter(versions__isnull=False).distinct().select_related("service", "controller")
    return render(
        request,
        "notices/index.html",
        {
            "general": [n for n in notices if n.scope == NoticeScope.GENERAL],
            "controllers": [n for n in notices if n.scope == NoticeScope.CONTROLLER],
            "services": sorted((n for n in notices if n.scope == NoticeScope.SERVICE), key=lambda n: n.title),
        },
    )


def _published(slug: str) -> tuple[Notice, NoticeVersion]:
    notice = get_object_or_404(Notice, slug=slug)
    version = notice.current_version()
    if version is None:
        raise Http404("This notice has not been published yet")
    return notice, version


def notice_detail(request: HttpRequest, slug: str, number: int | None = None) -> HttpResponse:
    notice, current = _published(slug)
    version = current if number is None else get_object_or_404(NoticeVersion, notice=notice, number=number)
    document = with_live_contacts(version.document, notice.controller) if version == current else version.document
    return render(
        request,
        "notices/detail.html",
        {
            "notice": notice,
            "version": version,
            "current": current,
            "blocks": notice_blocks(document),
            "downloads": download_links(version),
        },
    )


def notice_changes(request: HttpRequest, slug: str) -> HttpResponse:
    notice, current = _published(slug)
    versions = list(notice.versions.filter(effective_from__lte=timezone.localdate()).order_by("-number"))
    context = {"notice": notice, "versions": versions, "current": current, "groups": None}
    if len(versions) > 1:
        numbers = {v.number: v for v in versions}
        try:
            older = numbers[int(request.GET.get("from", versions[1].number))]
            newer = numbers[int(request.GET.get("to", versions[0].number))]
        except (KeyError, ValueError):
            older, newer = versions[1], versions[0]
        if older.number > newer.number:
            older, newer = newer, older
        context.update({"older": older, "newer": newer, "groups": diff_versions(older=older, newer=newer)})
    return render(request, "notices/changes.html", context)


def notice_download(request: HttpRequest, slug: str, fmt: str) -> HttpResponse:
    notice, version = _published(slug)
    if fmt not in FORMATS:
        raise Http404("Unknown format")
    response = HttpResponse(
        notice_file(version.document, fmt, footer=version_footer(version)), content_type=FORMATS[fmt][0]
    )
    response["Content-Disposition"] = f'attachment; filename="{notice.slug}-privacy-notice-v{version.number}.{fmt}"'
    return response


@require_permission(Permission.PUBLISH_NOTICES)
def staff_notice_index(request: HttpRequest) -> HttpResponse:
    notices = Notice.objects.select_related("service", "controller").prefetch_related("versions")
    return render(request, "notices/staff_index.html", {"staff_section": "notices", "notices": notices})


@require_permission(Permission.PUBLISH_NOTICES)
def staff_notice_publish(request: HttpRequest, slug: str) -> HttpResponse:
    notice = get_object_or_404(Notice, slug=slug)
    document, missing = preview_notice(notice=notice)
    form = PublishForm(request.POST or None, initial={"effective_from": timezone.localdate()})
    if request.method == "POST" and form.is_valid():
        try:
            version = publish_notice(
                notice=notice,
                actor=request.user,
                change_summary=form.cleaned_data["change_summary"],
                effective_from=form.cleaned_data["effective_from"],
            )
        except NoticeIncomplete as incomplete:
            missing = incomplete.missing
        except NoticeUnchanged as unchanged:
            form.add_error(None, str(unchanged))
        else:
            messages.success(request, f"Published version {version.number} of {notice.title}.")
            return redirect("notices:staff_index")
    latest = notice.versions.order_by("-number").first()
    # The same Art 13/14 audit that reads other councils' notices, run on our own draft (P028, P038).
    check = audit_text(notice_text(document), filename=notice.slug, ico=load_ico_details()).to_dict()
    for item in check["items"]:
        item["title"] = BY_ID[item["id"]].title
    return render(
        request,
        "notices/staff_publish.html",
        {
            "staff_section": "notices",
            "notice": notice,
            "blocks": notice_blocks(document),
            "missing": missing,
            "form": form,
            "latest": latest,
            "check": check,
        },
    )


@require_permission(Permission.AUDIT_NOTICES)
def staff_notice_audit(request: HttpRequest) -> HttpResponse:
    """Audit an existing free-text notice against the Arts 13/14 checklist (PN01-PN16)."""
    form = AuditUploadForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["notice"]
        try:
            report = audit_document(upload.read(), filename=upload.name, ico=load_ico_details()).to_dict()
            for item in report["items"]:
                item["title"] = BY_ID[item["id"]].title
        except AuditReadError as error:
            form.add_error("notice", f"The file could not be read: {error}")
    return render(request, "notices/staff_audit.html", {"staff_section": "notices", "form": form, "report": report})


def retention_schedule(request: HttpRequest, fmt: str = "") -> HttpResponse:
    """How long the council keeps each kind of record, and why: the schedule behind every notice (P034)."""
    rows = retention_schedule_rows()
    files = retention_schedule_files(rows)
    if fmt:
        if fmt not in files:
            raise Http404("Unknown format")
        content_type = "text/csv; charset=utf-8" if fmt == "csv" else FORMATS[fmt][0]
        response = HttpResponse(files[fmt], content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="retention-schedule.{fmt}"'
        return response
    downloads = [
        {"fmt": fmt, "label": label, "size": len(files[fmt])}
        for fmt, label in (("csv", "CSV spreadsheet"), ("docx", "Word document"), ("pdf", "PDF"))
    ]
    return render(request, "notices/retention_schedule.html", {"rows": rows, "downloads": downloads})


def retention_schedule_files(rows: list[Any]) -> dict[str, bytes]:
    council = settings.PLEDGE_COUNCIL["name"]
    blocks = retention_schedule_blocks(rows)
    footer = f"Published by {council} on {timezone.localdate():%d %B %Y}."
    return {
        "csv": retention_schedule_csv(rows).encode(),
        **{
            fmt: blocks_file(blocks, fmt, title=f"{council} retention schedule", author=council, footer=footer)
            for fmt in ("docx", "pdf")
        },
    }
