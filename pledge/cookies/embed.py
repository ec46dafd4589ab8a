"""The banner for the council's other websites: a script and stylesheet that read and write the same preference
cookie as Pledge, show the same questions, and switch on tags marked `data-pledge-consent` only after consent."""

import json
from typing import Any

from django.conf import settings
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseForbidden
from django.template.loader import render_to_string
from django.urls import reverse
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET, require_POST

from pledge.cookies import config, services
from pledge.cookies.models import ConsentSource
from pledge.cookies.preference import consent_state
from pledge.cookies.rules import Choice, Purpose, parse_choice

# Short enough that a new register version reaches every council page within minutes, long enough to spare the server.
CACHE_SECONDS = 300


def banner_config(request: HttpRequest) -> dict[str, Any]:
    """What banner.js needs: cookie name and domain, the register version and which purposes are asked about."""
    state = consent_state(request)
    return {
        "cookieName": config.consent_cookie_name(),
        "cookieDomain": config.consent_cookie_domain() or "",
        "maxAge": config.consent_cookie_seconds(),
        "version": state.version,
        "asked": {purpose.value: mode for purpose, mode in state.asked.items()},
        "cookiesUrl": request.build_absolute_uri(reverse("cookies:cookies")),
        "logUrl": request.build_absolute_uri(reverse("cookies:log_choice")),
        "serviceName": _council_name(),
    }


def _council_name() -> str:
    return str(settings.PLEDGE_COUNCIL.get("name", ""))


@require_GET
def banner_js(request: HttpRequest) -> HttpResponse:
    # json.dumps, then "<" escaped, so nothing in the configuration can end the script early.
    payload = json.dumps(banner_config(request)).replace("<", "\\u003c")
    body = render_to_string("cookies/banner.js", {"config": payload})
    response = HttpResponse(body, content_type="text/javascript; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def banner_css(request: HttpRequest) -> HttpResponse:
    body = render_to_string("cookies/banner.css")
    response = HttpResponse(body, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    response["Access-Control-Allow-Origin"] = "*"
    return response


@require_GET
def example(request: HttpRequest) -> HttpResponse:
    """A copy-paste example of a council web page using the banner, as plain HTML with no Pledge styles."""
    base = request.build_absolute_uri("/").rstrip("/")
    measurement_id = config.analytics_measurement_id() or "G-XXXXXXXXXX"
    return HttpResponse(
        render_to_string("cookies/example.html", {"base": base, "measurement_id": measurement_id}),
        content_type="text/html; charset=utf-8",
    )


@require_POST
@csrf_exempt
def log_choice(request: HttpRequest) -> HttpResponse:
    """Log a choice made on another council website (sent by banner.js with navigator.sendBeacon)."""
    origin = request.headers.get("Origin", "")
    own = f"{request.scheme}://{request.get_host()}"
    if origin and origin != own and origin not in config.embed_origins():
        return HttpResponseForbidden("This website may not log choices.")
    try:
        data = json.loads(request.body.decode("utf-8"))
        choice = parse_choice(str(data["choice"]))
    except (ValueError, KeyError, TypeError, UnicodeDecodeError):
        return HttpResponseBadRequest("Not a choice.")
    if choice is None or choice.version != consent_state(request).version:
        return HttpResponseBadRequest("Not a choice for the current cookie register.")
    answers = {p.value: choice.answers[p.value] for p in Purpose if p.value in choice.answers}
    services.log_choice(
        choice=Choice(version=choice.version, consent_id=choice.consent_id, answers=answers),
        source=ConsentSource.OTHER_WEBSITE,
    )
    return HttpResponse(status=204)
