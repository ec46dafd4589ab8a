import pytest
from bs4 import BeautifulSoup
from django.template import RequestContext, Template
from django.test import RequestFactory

from pledge.core.models import User
from pledge.core.roles import Role

# The base template reads the cookie register (is the banner due?), so rendering it needs the database.
pytestmark = pytest.mark.django_db


def render_staff_page(role=Role.DPO, **context):
    template = Template('{% extends "frontend/staff_base.html" %}{% block content %}<h1>Dashboard</h1>{% endblock %}')
    request = RequestFactory().get("/staff/")
    request.user = User(username="someone", role=role)
    return BeautifulSoup(template.render(RequestContext(request, context)), "html.parser")


def test_it_shows_the_staff_navigation():
    html = render_staff_page()
    links = [(a.get_text(strip=True), a["href"]) for a in html.select(".govuk-service-navigation__list a")]
    assert links == [
        ("Dashboard", "/staff/"),
        ("Register", "/staff/register/"),
        ("Cases", "/staff/cases/"),
        ("Request metrics", "/staff/cases/metrics/"),
        ("Restrictions", "/staff/restrictions/"),
        ("Notices", "/staff/notices/"),
        ("Enquiries", "/staff/enquiries/"),
        ("Governance", "/staff/governance/"),
        ("Audit log", "/staff/audit/"),
        ("Report a breach", "/staff/breaches/report/"),
    ]


def test_it_offers_only_what_the_role_can_open():
    html = render_staff_page(role=Role.CASEWORKER)
    links = [a.get_text(strip=True) for a in html.select(".govuk-service-navigation__list a")]
    assert links == [
        "Dashboard",
        "Register",
        "Cases",
        "Request metrics",
        "Restrictions",
        "Governance",
        "Report a breach",
    ]


def test_it_marks_the_current_section():
    html = render_staff_page(staff_section="register")
    current = html.select_one(".govuk-service-navigation__item--active a")
    assert current["href"] == "/staff/register/"
    assert current["aria-current"] == "true"


def test_signing_out_is_a_post_form_with_a_csrf_token():
    form = render_staff_page().select_one(".govuk-service-navigation__list form")
    assert form["method"] == "post"
    assert form.select_one("input[name=csrfmiddlewaretoken]") is not None
    assert form.select_one("button").get_text(strip=True) == "Sign out"


def test_it_keeps_the_public_footer_and_skip_link():
    html = render_staff_page()
    assert html.select_one("a.govuk-skip-link")["href"] == "#main-content"
    assert html.select_one('footer a[href="/staff/"]') is not None


def test_the_template_comments_never_reach_the_page():
    text = render_staff_page().get_text()
    assert "Blocks:" not in text
    assert "staff_navigation" not in text
