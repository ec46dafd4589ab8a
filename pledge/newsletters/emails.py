"""The emails this app sends: the confirmation (double opt-in) and newsletter issues.

Every email carries a visible unsubscribe link in its footer and the RFC 8058 headers
``List-Unsubscribe: <https://.../newsletters/unsubscribe/<token>/>`` and
``List-Unsubscribe-Post: List-Unsubscribe=One-Click``, so a mail client's "Unsubscribe" button works with one POST
(P086). The sender is always the council, by name (PECR reg 23: the sender's identity is not concealed).
"""

import re
from dataclasses import dataclass
from email.utils import formataddr, parseaddr
from typing import Any

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.html import escape, urlize

from pledge.newsletters import tokens
from pledge.newsletters.models import Issue, NewsletterList, Subscription

UNSUBSCRIBE = "%%UNSUBSCRIBE_URL%%"
PREFERENCES = "%%PREFERENCES_URL%%"
_HEADING = re.compile(r"^#{1,3} +(.*)$")


def absolute(path: str) -> str:
    return str(settings.PLEDGE_SITE_URL).rstrip("/") + path


def sender() -> str:
    """The council's name with the from address, unless the configured address already names someone."""
    name, address = parseaddr(settings.DEFAULT_FROM_EMAIL)
    return formataddr((name or settings.PLEDGE_COUNCIL["name"], address))


def body_html(body: str) -> str:
    """Staff's plain text as simple HTML: blank lines make paragraphs, '## ' lines headings, addresses become links.
    Everything is escaped first, so nothing a writer types becomes markup."""
    blocks = []
    for block in re.split(r"\n\s*\n", body.strip()):
        heading = _HEADING.match(block.strip())
        if heading and "\n" not in block.strip():
            blocks.append(f"<h2>{escape(heading.group(1))}</h2>")
        else:
            lines = [urlize(escape(line)) for line in block.strip().splitlines()]
            blocks.append("<p>" + "<br>".join(lines) + "</p>")
    return "\n".join(blocks)


def unsubscribe_url(subscription: Subscription, list_id: int | None) -> str:
    token = tokens.unsubscribe_token(subscription, list_id)
    return absolute(reverse("newsletters:unsubscribe", kwargs={"token": token}))


def preferences_url(subscription: Subscription) -> str:
    token = tokens.preferences_token(subscription)
    return absolute(reverse("newsletters:preferences", kwargs={"token": token}))


def _unsubscribe_headers(url: str) -> dict[str, str]:
    return {"List-Unsubscribe": f"<{url}>", "List-Unsubscribe-Post": "List-Unsubscribe=One-Click"}


def confirmation_email(
    *, subscription: Subscription, email: str, lists: list[NewsletterList]
) -> EmailMultiAlternatives:
    """The double opt-in email: one signed link that confirms every list the address is waiting on."""
    token = tokens.confirm_token(subscription)
    unsubscribe = unsubscribe_url(subscription, None)
    context: dict[str, Any] = {
        "council": settings.PLEDGE_COUNCIL,
        "lists": lists,
        "confirm_url": absolute(reverse("newsletters:confirm", kwargs={"token": token})),
        "unsubscribe_url": unsubscribe,
        "days": tokens.confirm_days(),
    }
    message = EmailMultiAlternatives(
        subject=f"Confirm your subscription to {settings.PLEDGE_COUNCIL['name']} newsletters",
        body=render_to_string("newsletters/email/confirm.txt", context),
        from_email=sender(),
        to=[email],
        headers=_unsubscribe_headers(unsubscribe),
    )
    message.attach_alternative(render_to_string("newsletters/email/confirm.html", context), "text/html")
    return message


@dataclass(frozen=True)
class IssueTemplate:
    """An issue rendered once per send, with markers where each recipient's own links go."""

    issue: Issue
    subject: str
    text: str
    html: str
    list_id_header: str

    def message_for(self, *, subscription: Subscription, email: str, message_id: str) -> EmailMultiAlternatives:
        unsubscribe = unsubscribe_url(subscription, self.issue.newsletter_id)
        preferences = preferences_url(subscription)
        headers = _unsubscribe_headers(unsubscribe) | {"List-Id": self.list_id_header, "Message-ID": message_id}
        message = EmailMultiAlternatives(
            subject=self.subject,
            body=self.text.replace(UNSUBSCRIBE, unsubscribe).replace(PREFERENCES, preferences),
            from_email=sender(),
            to=[email],
            headers=headers,
        )
        html = self.html.replace(UNSUBSCRIBE, escape(unsubscribe)).replace(PREFERENCES, escape(preferences))
        message.attach_alternative(html, "text/html")
        return message


def issue_template(issue: Issue) -> IssueTemplate:
    newsletter = issue.newsletter
    context = {
        "council": settings.PLEDGE_COUNCIL,
        "issue": issue,
        "newsletter": newsletter,
        "body_html": body_html(issue.body),
        "unsubscribe_url": UNSUBSCRIBE,
        "preferences_url": PREFERENCES,
    }
    host = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return IssueTemplate(
        issue=issue,
        subject=issue.subject_line,
        text=render_to_string("newsletters/email/issue.txt", context),
        html=render_to_string("newsletters/email/issue.html", context),
        list_id_header=f"{newsletter.name} <{newsletter.slug}.newsletters.{host}>",
    )


def message_id(*, send_id: int, delivery_id: int) -> str:
    """The same Message-ID however often a message is built, so a receiving server can spot a duplicate too."""
    host = parseaddr(settings.DEFAULT_FROM_EMAIL)[1].rpartition("@")[2] or "localhost"
    return f"<newsletter-{send_id}-{delivery_id}@{host}>"
