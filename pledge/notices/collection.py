"""Short collection notices for Pledge's own forms (UK GDPR Art 13(1): at the time of collection; P027, P029)."""

from dataclasses import dataclass

from pledge.notices.models import NoticeScope, NoticeVersion
from pledge.register.models import ProcessingActivity, Status


@dataclass(frozen=True)
class CollectionNotice:
    activity: dict[str, object]
    version: NoticeVersion
    full_notice_url: str


def collection_notice(activity_slug: str) -> CollectionNotice | None:
    """The short notice for a form bound to ``activity_slug``: the activity as its current service notice says it.

    Read from the published version rather than the live register, so the words shown are the ones a
    resident can find again in the notice's history, and the version can be stored with the submission.
    """
    activity = ProcessingActivity.objects.filter(slug=activity_slug, status=Status.APPROVED).select_related("service")
    found = activity.first()
    if found is None:
        return None
    notice = found.service.notices.filter(scope=NoticeScope.SERVICE).first()
    if notice is None:
        return None
    version = notice.current_version()
    if version is None:
        return None
    entry = next((a for a in version.document["activities"] if a["slug"] == activity_slug), None)
    if entry is None:
        return None
    return CollectionNotice(activity=entry, version=version, full_notice_url=f"/privacy/{notice.slug}/#{activity_slug}")


def purposes_not_covered(*, shown: NoticeVersion, activity_slug: str) -> list[str]:
    """Purposes the activity has now that the notice shown at collection did not tell the person about.

    Data collected under an older notice is not covered for a purpose added later (Art 13(3)): it may not
    be used for that purpose until the person has been told.
    """
    then = next((a for a in shown.document["activities"] if a["slug"] == activity_slug), None)
    now = ProcessingActivity.objects.filter(slug=activity_slug).first()
    if now is None:
        return []
    told = set(then["purposes"]) if then else set()
    return [purpose for purpose in now.purposes if purpose not in told]
