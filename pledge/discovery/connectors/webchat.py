"""Webchat sessions and council accounts (P075).

The council's privacy notice says "a record of your session will be stored against your details. This will not
contain the contents of the WebChat session." So a session is linked to an account only when the email the person
gave in the chat is *exactly* one of the account's verified emails: a guessed link would attach one person's chat
to another's record (UK GDPR Art 5(1)(d), accuracy). The transcript itself stays in the chat store, configured as
a child table of the sessions so a subject access search still finds it.
"""

from collections.abc import Iterable


def link_session_to_account(session_email: str, verified_emails: Iterable[str]) -> bool:
    """True when the chat's email equals one of the account's verified emails, ignoring case and outer spaces."""
    given = session_email.strip().casefold()
    if not given or "@" not in given:
        return False
    return any(given == email.strip().casefold() for email in verified_emails if email.strip())
