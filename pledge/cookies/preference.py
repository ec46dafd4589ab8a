"""Reading and writing the visitor's choice: one preference cookie, kept for a year, shared with council websites."""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit, urlunsplit

from django.http import HttpRequest, HttpResponse
from django.utils.http import url_has_allowed_host_and_scheme

from pledge.cookies import config, services
from pledge.cookies.rules import Choice, Purpose, format_choice, fresh_choice, parse_choice


@dataclass(frozen=True)
class ConsentState:
    """Everything a page needs: the register version, the stored choice and what it allows."""

    version: int
    choice: Choice | None
    asked: dict[Purpose, str]

    def allows(self, purpose: Purpose) -> bool:
        return services.purpose_allowed(purpose, choice=self.choice, version=self.version, asked=self.asked)

    @property
    def banner_needed(self) -> bool:
        """Show the banner until analytics has an answer for the current version (when analytics is asked about)."""
        if Purpose.ANALYTICS not in self.asked:
            return False
        choice = self.choice
        return choice is None or choice.version != self.version or not choice.answered(Purpose.ANALYTICS)


def consent_state(request: HttpRequest) -> ConsentState:
    """The consent state for this request, worked out once and kept on the request."""
    cached = getattr(request, "_pledge_consent", None)
    if cached is None:
        cached = ConsentState(
            version=services.current_version(),
            choice=parse_choice(request.COOKIES.get(config.consent_cookie_name())),
            asked=services.purposes_asked(),
        )
        request._pledge_consent = cached  # type: ignore[attr-defined]
    return cached


def updated_choice(request: HttpRequest, **answers: bool) -> Choice:
    """The visitor's choice with new answers, keeping their consent id (or making one on their first choice)."""
    state = consent_state(request)
    choice = state.choice or fresh_choice(state.version)
    return choice.with_answers(state.version, **answers)


def store_choice(response: HttpResponse, choice: Choice, *, secure: bool) -> None:
    """Set the preference cookie for a year; it holds the choice and a random id, never anything about the person."""
    response.set_cookie(
        config.consent_cookie_name(),
        format_choice(choice),
        max_age=config.consent_cookie_seconds(),
        domain=config.consent_cookie_domain(),
        secure=secure,
        httponly=False,  # the embeddable banner on the council's other websites reads and writes the same cookie
        samesite="Lax",
    )


def safe_next(request: HttpRequest, target: str | None) -> str:
    """Where to go back to after a choice: a path on this site, never somewhere else."""
    if target and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}):
        return target
    return "/"


def with_query(target: str, **params: str) -> str:
    """A local URL with query parameters set or (when empty) removed."""
    parts = urlsplit(target)
    pairs = [p for p in parts.query.split("&") if p and p.split("=")[0] not in params]
    extra = urlencode({k: v for k, v in params.items() if v})
    query = "&".join([*pairs, extra] if extra else pairs)
    return urlunsplit(("", "", parts.path or "/", query, parts.fragment))


def same_site_post(request: HttpRequest) -> bool:
    """A choice form posted from this site (or a configured council website).

    The banner forms carry no CSRF token, because a token needs a cookie and nothing but strictly necessary cookies
    may be set before a choice (PECR reg 6). Browsers send Origin and Sec-Fetch-Site with every POST, so a forged
    choice from another website is refused with them instead.
    """
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return False
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        return True
    own = f"{request.scheme}://{request.get_host()}"
    return origin == own or origin in config.embed_origins()
