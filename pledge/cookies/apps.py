from typing import Any

from django.apps import AppConfig
from django.db.models.signals import post_migrate


def restore_own_cookies(sender: AppConfig, **kwargs: Any) -> None:
    """Pledge's own cookies are always in the register: after every migrate, and after a flush (which sends
    post_migrate too), as Django does for content types and permissions."""
    from pledge.cookies.own import ensure_own_cookies

    ensure_own_cookies()


class CookiesConfig(AppConfig):
    name = "pledge.cookies"
    label = "cookies"
    verbose_name = "Cookie register, banner and consent log"

    def ready(self) -> None:
        post_migrate.connect(restore_own_cookies, sender=self, dispatch_uid="pledge.cookies.own")
