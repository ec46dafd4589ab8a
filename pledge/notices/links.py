"""The link checker for published notices (promise P148): every link in every current notice still works."""

import urllib.error
import urllib.request
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.conf import settings
from django.test import Client

from pledge.notices.models import Notice
from pledge.notices.render import notice_blocks


@dataclass(frozen=True)
class LinkProblem:
    notice: str
    text: str
    href: str
    problem: str

    def __str__(self) -> str:
        return f"{self.notice}: {self.text} ({self.href}): {self.problem}"


def notice_links() -> list[tuple[str, str, str]]:
    """(notice slug, link text, href) for every link in every notice's current version."""
    links = []
    for notice in Notice.objects.order_by("slug"):
        version = notice.current_version()
        if version is None:
            continue
        links += [(notice.slug, b["text"], b["href"]) for b in notice_blocks(version.document) if b["type"] == "link"]
    return links


def check_links(*, external: bool, timeout: float = 10.0) -> list[LinkProblem]:
    """Broken links: internal ones are requested through Django; external ones over the network if asked."""
    client = Client(HTTP_HOST=(settings.ALLOWED_HOSTS or ["localhost"])[0])
    problems = []
    checked: dict[str, str | None] = {}
    for slug, text, href in notice_links():
        if href not in checked:
            checked[href] = _check(client, href, external=external, timeout=timeout)
        if checked[href]:
            problems.append(LinkProblem(slug, text, href, checked[href] or ""))
    return problems


def _check(client: Client, href: str, *, external: bool, timeout: float) -> str | None:
    parts = urlsplit(href)
    if not parts.scheme:
        status = client.get(parts.path, follow=True).status_code
        return None if status == 200 else f"this site answers {status}"
    if not external:
        return None
    try:
        request = urllib.request.Request(href, method="HEAD", headers={"User-Agent": "Pledge link checker"})
        with urllib.request.urlopen(request, timeout=timeout) as response:  # noqa: S310 - http(s) links only
            return None if response.status < 400 else f"answers {response.status}"
    except urllib.error.HTTPError as error:
        return f"answers {error.code}"
    except (urllib.error.URLError, TimeoutError, ValueError) as error:
        return f"cannot be reached ({error})"
