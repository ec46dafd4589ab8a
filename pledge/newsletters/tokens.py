"""Signed links in newsletter emails. The signature is the credential: a link proves the holder received an email at
that address, which is all one-click unsubscribing (RFC 8058) and the preference centre need.

* confirm: ``TimestampSigner``, expires after ``PLEDGE_NEWSLETTER_CONFIRM_DAYS`` (default 7) and works once (it
  carries the address's current confirmation nonce, cleared when used).
* unsubscribe: never expires, because PECR reg 22-23 want an opt-out that works in every message, however old;
  using it twice changes nothing.
* preferences: expires after ``PLEDGE_NEWSLETTER_PREFERENCES_DAYS`` (default 90); each email carries a fresh one.

Every token also carries the address's random ``token_key``, so once an address is purged its old links are dead.
"""

from dataclasses import dataclass
from datetime import timedelta

from django.conf import settings
from django.core import signing

from pledge.newsletters.models import Subscription

ALL_LISTS = "*"


class TokenProblem(ValueError):
    """A link that is forged, expired, already used or for an address we no longer hold; the message says which."""


@dataclass(frozen=True)
class Unsubscribe:
    subscription: Subscription
    list_id: int | None  # None: every list


def confirm_days() -> int:
    return int(getattr(settings, "PLEDGE_NEWSLETTER_CONFIRM_DAYS", 7))


def preferences_days() -> int:
    return int(getattr(settings, "PLEDGE_NEWSLETTER_PREFERENCES_DAYS", 90))


def _signer(purpose: str) -> signing.TimestampSigner:
    return signing.TimestampSigner(salt=f"pledge.newsletters.{purpose}")


def confirm_token(subscription: Subscription) -> str:
    return _signer("confirm").sign(f"{subscription.pk}:{subscription.token_key}:{subscription.confirm_nonce}")


def unsubscribe_token(subscription: Subscription, list_id: int | None) -> str:
    scope = ALL_LISTS if list_id is None else str(list_id)
    return _signer("unsubscribe").sign(f"{subscription.pk}:{subscription.token_key}:{scope}")


def preferences_token(subscription: Subscription) -> str:
    return _signer("preferences").sign(f"{subscription.pk}:{subscription.token_key}")


def _unsign(purpose: str, token: str, max_age: timedelta | None) -> list[str]:
    try:
        value = _signer(purpose).unsign(token, max_age=max_age)
    except signing.SignatureExpired:
        raise TokenProblem("This link has expired.") from None
    except signing.BadSignature:
        raise TokenProblem("This link is not valid. Check you copied all of it from the email.") from None
    return value.split(":")


def _subscription(pk: str, token_key: str) -> Subscription:
    found = Subscription.objects.filter(pk=int(pk), token_key=token_key).first() if pk.isdigit() else None
    if found is None:
        raise TokenProblem("We no longer hold this email address, so there is nothing to change.")
    return found


def read_confirm_token(token: str) -> Subscription:
    """The subscription the link confirms; ``TokenProblem`` if forged, expired or already used."""
    pk, key, nonce = (_unsign("confirm", token, timedelta(days=confirm_days())) + ["", "", ""])[:3]
    subscription = _subscription(pk, key)
    if not nonce or nonce != subscription.confirm_nonce:
        raise TokenProblem("This link has already been used, or a newer confirmation email replaced it.")
    return subscription


def read_unsubscribe_token(token: str) -> Unsubscribe:
    """Who is unsubscribing, and from which list (None: all); ``TokenProblem`` if forged or the address is gone."""
    pk, key, scope = (_unsign("unsubscribe", token, None) + ["", "", ""])[:3]
    subscription = _subscription(pk, key)
    if scope != ALL_LISTS and not scope.isdigit():
        raise TokenProblem("This link is not valid. Check you copied all of it from the email.")
    return Unsubscribe(subscription=subscription, list_id=None if scope == ALL_LISTS else int(scope))


def read_preferences_token(token: str) -> Subscription:
    pk, key = (_unsign("preferences", token, timedelta(days=preferences_days())) + ["", ""])[:2]
    return _subscription(pk, key)
