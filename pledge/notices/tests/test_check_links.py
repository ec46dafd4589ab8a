"""The link checker reports links in published notices that no longer work (promise P148)."""

from datetime import date

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from pledge.notices.generation import ensure_notices
from pledge.notices.links import check_links
from pledge.notices.models import Notice
from pledge.notices.services import publish_notice
from pledge.register.models import Controller

MINIMAL = settings.BASE_DIR / "pledge" / "register" / "tests" / "fixtures" / "minimal"


@pytest.fixture
def published(db: None) -> None:
    call_command("register", "import", str(MINIMAL))
    ensure_notices()


def publish_council_tax() -> None:
    publish_notice(
        notice=Notice.objects.get(slug="council-tax"), actor=None, change_summary="v", effective_from=date(2026, 1, 5)
    )


def test_a_notice_whose_internal_links_work_has_no_problems(published: None) -> None:
    publish_council_tax()
    assert check_links(external=False) == []


def test_a_broken_internal_link_is_reported(published: None) -> None:
    Controller.objects.filter(slug="testshire-council").update(complaints_url="/no-such-complaints-page/")
    publish_council_tax()
    [problem] = check_links(external=False)
    assert problem.href == "/no-such-complaints-page/"
    assert problem.problem == "this site answers 404"
    with pytest.raises(CommandError):
        call_command("notices", "check-links", "--internal-only")
