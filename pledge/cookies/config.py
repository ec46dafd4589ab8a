"""Cookie settings, each overridable in Django settings or the environment (PLEDGE_COOKIE_*), never a constant.

- PLEDGE_COOKIE_CONSENT_NAME: the preference cookie, shared with the council's other websites (pledge_cookie_consent)
- PLEDGE_COOKIE_CONSENT_DOMAIN: e.g. ".anyshire.gov.uk" so every council site reads one choice (blank: this host)
- PLEDGE_COOKIE_CONSENT_SECONDS: how long the choice is kept (1 year)
- PLEDGE_COOKIE_DUAA_EXEMPTIONS: comma-separated DUAA exceptions the council relies on
  (duaa_statistical, duaa_appearance, duaa_emergency); none unless set
- PLEDGE_ANALYTICS_MEASUREMENT_ID: the Google Analytics measurement id (blank: none; a fictional one in DEBUG)
- PLEDGE_COOKIE_GUIDANCE_URL: official guidance on managing cookies in a browser (ICO by default)
- PLEDGE_COOKIE_EMBED_ORIGINS: comma-separated origins of council websites allowed to log choices made there
"""

import os
from typing import Any

from django.conf import settings

DEFAULTS: dict[str, str] = {
    "PLEDGE_COOKIE_CONSENT_NAME": "pledge_cookie_consent",
    "PLEDGE_COOKIE_CONSENT_DOMAIN": "",
    "PLEDGE_COOKIE_CONSENT_SECONDS": str(365 * 24 * 3600),
    "PLEDGE_COOKIE_DUAA_EXEMPTIONS": "",
    "PLEDGE_ANALYTICS_MEASUREMENT_ID": "",
    "PLEDGE_COOKIE_GUIDANCE_URL": "https://ico.org.uk/for-the-public/online/cookies/",
    "PLEDGE_COOKIE_EMBED_ORIGINS": "",
}


def _get(name: str) -> Any:
    return getattr(settings, name, os.environ.get(name, DEFAULTS[name]))


def consent_cookie_name() -> str:
    return str(_get("PLEDGE_COOKIE_CONSENT_NAME"))


def consent_cookie_domain() -> str | None:
    return str(_get("PLEDGE_COOKIE_CONSENT_DOMAIN")) or None


def consent_cookie_seconds() -> int:
    return int(_get("PLEDGE_COOKIE_CONSENT_SECONDS"))


def _listed(name: str) -> frozenset[str]:
    value = _get(name)
    items = value.split(",") if isinstance(value, str) else value
    return frozenset(item.strip() for item in items if item.strip())


def enabled_duaa_exemptions() -> frozenset[str]:
    return _listed("PLEDGE_COOKIE_DUAA_EXEMPTIONS")


# The demo (DEBUG) shows analytics gating with a fictional measurement id; production has none until configured.
DEMO_MEASUREMENT_ID = "G-ANYSHIRE00"


def analytics_measurement_id() -> str:
    value = str(_get("PLEDGE_ANALYTICS_MEASUREMENT_ID"))
    return value or (DEMO_MEASUREMENT_ID if settings.DEBUG else "")


def guidance_url() -> str:
    return str(_get("PLEDGE_COOKIE_GUIDANCE_URL"))


def embed_origins() -> frozenset[str]:
    return _listed("PLEDGE_COOKIE_EMBED_ORIGINS")
