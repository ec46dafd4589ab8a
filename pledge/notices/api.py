"""Notice routes of the JSON API: published privacy notices are public documents, so reading needs no sign-in."""

from datetime import date, datetime
from typing import Any

from django.http import Http404, HttpRequest
from django.utils import timezone
from ninja import Router, Schema

from pledge.api.schemas import Message
from pledge.notices.models import Notice, NoticeVersion


class VersionOut(Schema):
    number: int
    effective_from: date
    published_at: datetime
    change_summary: str


class CurrentVersionOut(VersionOut):
    text: str


class NoticeSummary(Schema):
    slug: str
    title: str
    scope: str
    controller: str
    service: str | None
    current: VersionOut


class NoticeDetail(NoticeSummary):
    current: CurrentVersionOut
    versions: list[VersionOut]


router = Router(tags=["notices"])


@router.get("", auth=None, response=list[NoticeSummary])
def list_notices(request: HttpRequest) -> list[dict[str, Any]]:
    """Every notice with a version in force today."""
    return [_notice(notice, current) for notice, current in _in_force()]


@router.get("/{slug}", auth=None, response={200: NoticeDetail, 404: Message})
def get_notice(request: HttpRequest, slug: str) -> dict[str, Any]:
    """One notice: the version in force today with its text, and every published version."""
    for notice, current in _in_force(slug=slug):
        versions = [_version(v) for v in notice.versions.order_by("-number")]
        return {
            **_notice(notice, current),
            "current": {**_version(current), "text": current.text},
            "versions": versions,
        }
    raise Http404("No published notice with that slug.")


def _in_force(*, slug: str | None = None) -> list[tuple[Notice, NoticeVersion]]:
    """Notices that have a version in force today (an unpublished notice is not public yet)."""
    notices = Notice.objects.select_related("controller", "service")
    if slug is not None:
        notices = notices.filter(slug=slug)
    today = timezone.localdate()
    found = [(notice, notice.current_version(on=today)) for notice in notices]
    return [(notice, current) for notice, current in found if current is not None]


def _notice(notice: Notice, current: NoticeVersion) -> dict[str, Any]:
    return {
        "slug": notice.slug,
        "title": notice.title,
        "scope": notice.scope,
        "controller": notice.controller.slug,
        "service": notice.service.slug if notice.service else None,
        "current": _version(current),
    }


def _version(version: NoticeVersion) -> dict[str, Any]:
    return {
        "number": version.number,
        "effective_from": version.effective_from,
        "published_at": version.published_at,
        "change_summary": version.change_summary,
    }
