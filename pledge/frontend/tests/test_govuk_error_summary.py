from bs4 import BeautifulSoup
from django.template import Context, Template

from pledge.frontend.tests.forms import EveryWidgetForm


def render_summary(form):
    template = Template("{% load govuk %}{% govuk_error_summary form %}")
    return BeautifulSoup(template.render(Context({"form": form})), "html.parser")


def test_it_renders_nothing_for_an_unbound_form():
    assert render_summary(EveryWidgetForm()).get_text(strip=True) == ""


def test_it_renders_nothing_for_a_valid_form():
    form = EveryWidgetForm(
        data={
            "full_name": "Ann",
            "email": "ann@example.com",
            "story": "x",
            "colour": "red",
            "contact_by": "post",
            "topics": ["tax"],
            "agree": "true",
        }
    )
    assert form.is_valid()
    assert render_summary(form).get_text(strip=True) == ""


def test_it_links_each_error_to_its_field_in_form_order():
    html = render_summary(EveryWidgetForm(data={"email": "nope"}))
    links = [(a["href"], a.get_text(strip=True)) for a in html.select(".govuk-error-summary__list a")]
    assert links[0] == ("#id_full_name", "This field is required.")
    assert links[1] == ("#id_email", "Enter a valid email address.")
    assert "#id_contact_by" in [href for href, _ in links]
    assert "#id_topics" in [href for href, _ in links]


def test_it_has_the_error_summary_markup_with_an_alert_role_and_title():
    html = render_summary(EveryWidgetForm(data={}))
    summary = html.select_one("div.govuk-error-summary[data-module=govuk-error-summary]")
    assert summary.select_one("[role=alert] h2.govuk-error-summary__title").get_text(strip=True) == "There is a problem"


def test_it_links_non_field_errors_to_the_first_field():
    html = render_summary(EveryWidgetForm(data={"full_name": "Nobody"}))
    first = html.select_one(".govuk-error-summary__list a")
    assert first["href"] == "#id_full_name"
    assert first.get_text(strip=True) == "We could not match your details"
