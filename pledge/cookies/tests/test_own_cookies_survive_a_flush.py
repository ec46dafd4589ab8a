"""Pledge's own cookies stay in the register after a database flush (post_migrate restores them), so a page read
after a transactional test still lists them."""

import pytest
from django.core.management import call_command

from pledge.cookies.models import CookieItem


@pytest.mark.django_db(transaction=True)
def test_a_flush_leaves_pledges_own_cookies_in_the_register() -> None:
    call_command("flush", "--no-input", verbosity=0)
    names = set(CookieItem.objects.values_list("name", flat=True))
    assert {"pledge_session", "pledge_csrftoken", "pledge_cookie_consent", "messages"} <= names
