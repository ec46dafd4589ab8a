"""Template tags for consent: the banner, analytics tags rendered only after consent, and gated embedded content."""

from typing import Any
from urllib.parse import urlsplit

from django import template
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils.safestring import SafeString

from pledge.cookies import config
from pledge.cookies.preference import consent_state
from pledge.cookies.rules import Purpose

register = template.Library()


def _request(context: template.Context) -> HttpRequest | None:
    return context.get("request")


@register.simple_tag(takes_context=True)
def cookie_banner(context: template.Context) -> SafeString:
    """The GOV.UK cookie banner: questions until a choice for this register version exists, then a confirmation."""
    request = _request(context)
    if request is None:
        return SafeString("")
    state = consent_state(request)
    confirmed = request.GET.get("cookies", "")
    if confirmed not in {"accepted", "rejected"} or state.banner_needed:
        # No confirmation unless the choice was really kept: with cookies blocked the question is asked again.
        confirmed = ""
    if not state.banner_needed and not confirmed:
        return SafeString("")
    next_url = request.get_full_path()
    return render_to_string(
        "frontend/components/cookie-banner.html",
        {
            "service_name": (context.get("council") or {}).get("name", ""),
            "confirmed": confirmed,
            "next": next_url,
            "opt_out": state.asked.get(Purpose.ANALYTICS) == "opt-out",
        },
    )


@register.simple_tag(takes_context=True)
def analytics_tags(context: template.Context) -> SafeString:
    """Google Analytics, only when allowed: until then nothing is rendered, so the browser requests nothing (P092)."""
    request = _request(context)
    measurement_id = config.analytics_measurement_id()
    if request is None or not measurement_id or not consent_state(request).allows(Purpose.ANALYTICS):
        return SafeString("")
    return render_to_string("cookies/_analytics.html", {"measurement_id": measurement_id})


@register.simple_tag(takes_context=True)
def embed_content(context: template.Context, url: str, title: str) -> SafeString:
    """A video or map from another website, or a placeholder until the visitor accepts its cookies (P099)."""
    request = _request(context)
    allowed = request is not None and consent_state(request).allows(Purpose.EMBEDDED)
    ctx: dict[str, Any] = {
        "url": url,
        "title": title,
        "host": urlsplit(url).hostname or url,
        "allowed": allowed,
        "next": request.get_full_path() if request else "/",
    }
    return render_to_string("cookies/_embed.html", ctx)
