"""Keyed hashes for what the portal must recognise but never keep: link secrets and the addresses of visitors."""

import hashlib
import hmac

from django.conf import settings
from django.core import signing
from django.http import HttpRequest

LINK_SALT = "pledge.rights.portal-link"


def sign_link_secret(raw: str) -> str:
    """A link's secret as it goes in the URL: signed, so a made-up link is refused without a database lookup."""
    return signing.Signer(salt=LINK_SALT).sign(raw)


def unsign_link_secret(token: str) -> str | None:
    """The secret inside a signed link, or None when the signature does not hold."""
    try:
        return signing.Signer(salt=LINK_SALT).unsign(token)
    except signing.BadSignature:
        return None


def token_hash(raw: str) -> str:
    """The SHA-256 of a link's random secret, as stored: the secret itself is only ever in the email."""
    return hashlib.sha256(raw.encode()).hexdigest()


def client_hash(request: HttpRequest, *, length: int = 64) -> str:
    """A keyed hash of the visitor's IP address (first ``length`` hex digits): enough to count requests from one
    place, useless for finding out who they were without the installation's secret key."""
    address = str(request.META.get("REMOTE_ADDR") or "unknown")
    digest = hmac.new(settings.SECRET_KEY.encode(), f"pledge.rights.client:{address}".encode(), hashlib.sha256)
    return digest.hexdigest()[:length]


def email_hash(email: str) -> str:
    """A keyed hash of an email address as typed (trimmed, lower case), for matching without keeping it."""
    normalised = (email or "").strip().lower()
    digest = hmac.new(settings.SECRET_KEY.encode(), f"pledge.rights.email:{normalised}".encode(), hashlib.sha256)
    return digest.hexdigest()


def same_text(a: str, b: str) -> bool:
    """Compare two strings in constant time, so the reply takes as long whether or not they match."""
    return hmac.compare_digest(a.encode(), b.encode())
