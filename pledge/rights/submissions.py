"""Sending the public request exactly once (issue 4, "double submission (idempotent)").

Check your answers carries a one-time submission token. The first "Send request" with it opens the case and
records the token's hash against it in the same transaction; any later send with the same token (a second press,
or the back button and Send again) finds that record and gets the same confirmation. Two sends at the same moment
cannot both record the token (it is unique), so the second one's case is rolled back and it is given the first.
"""

import secrets
from datetime import date
from typing import Any

from django.db import IntegrityError, transaction

from pledge.casework.models import Case
from pledge.rights.hashing import token_hash
from pledge.rights.models import SentRequest
from pledge.rights.services import submit_request


def new_submission_token() -> str:
    """A random token for one check-your-answers form."""
    return secrets.token_urlsafe(24)


def already_sent(*, token: str) -> Case | None:
    """The case a send with ``token`` opened, if any."""
    if not token:
        return None
    sent = SentRequest.objects.select_related("case").filter(token_hash=token_hash(token)).first()
    return sent.case if sent is not None else None


def send_request_once(*, token: str, answers: dict[str, Any], received_on: date) -> Case:
    """Open the case for ``answers`` unless ``token`` already opened one, which is returned instead.

    Raises ``CaseworkError`` (saving nothing) like ``submit_request`` when the case cannot be logged.
    """
    if not token:
        raise ValueError("A submission token is needed")
    existing = already_sent(token=token)
    if existing is not None:
        return existing
    try:
        with transaction.atomic():
            case = submit_request(answers=answers, received_on=received_on)
            SentRequest.objects.create(token_hash=token_hash(token), case=case)
    except IntegrityError:
        existing = already_sent(token=token)
        if existing is None:
            raise
        return existing
    return case
