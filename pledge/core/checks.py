"""Deployment checks of Pledge's own settings, run by ``pledge check --deploy``."""

from typing import Any

from django.conf import settings
from django.core.checks import CheckMessage, Tags, Warning, register

from pledge.core.encryption import file_keys


@register(Tags.security, deploy=True)
def check_file_keys(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Private files need keys of their own in production: a key derived from the secret dies with a rotated secret."""
    if not str(getattr(settings, "PLEDGE_FILE_KEYS", "")).strip():
        return [
            Warning(
                "PLEDGE_FILE_KEYS is not set, so private files are encrypted with a key derived from "
                "PLEDGE_SECRET_KEY; changing the secret would make them unreadable.",
                hint="Set PLEDGE_FILE_KEYS to a key from pledge.core.encryption.new_file_key().",
                id="pledge.W001",
            )
        ]
    try:
        file_keys()
    except ValueError as error:
        return [Warning(str(error), id="pledge.W002")]
    return []


@register(Tags.security, deploy=True)
def check_malware_scanner(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """Files residents upload through the requester portal should be scanned for malware before staff open them."""
    if not str(getattr(settings, "PLEDGE_MALWARE_SCAN_COMMAND", "")).strip():
        return [
            Warning(
                "PLEDGE_MALWARE_SCAN_COMMAND is not set, so files uploaded through the requester portal are kept "
                "without a malware scan (and recorded as not scanned).",
                hint='Set it to a scanner command such as "clamdscan --no-summary --fdpass {path}" (exit 0 clean, '
                "1 infected).",
                id="pledge.W003",
            )
        ]
    return []
