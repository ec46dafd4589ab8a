from pathlib import Path

from bs4 import BeautifulSoup
from django.template.loader import render_to_string
from django.utils.html import format_html

COMPONENTS = Path(__file__).resolve().parent.parent / "templates" / "frontend" / "components"


def render(name, **params):
    return BeautifulSoup(render_to_string(f"frontend/components/{name}.html", params), "html.parser")


def test_every_component_documents_its_parameters_at_the_top():
    for path in COMPONENTS.glob("*.html"):
        assert path.read_text().startswith("{% comment %}"), path.name
        assert "Parameters:" in path.read_text(), path.name


def test_the_button_renders_a_submit_button_by_default():
    button = render("button", text="Save").select_one("button")
    assert button["type"] == "submit"
    assert button["class"] == ["govuk-button"]
    assert button["data-module"] == "govuk-button"


def test_the_button_renders_a_link_when_given_an_href():
    link = render("button", text="Start now", href="/start", is_start_button=True).select_one("a")
    assert link["role"] == "button"
    assert "govuk-button--start" in link["class"]


def test_the_panel_renders_its_title_as_the_page_heading():
    html = render("panel", title="Message sent", html=format_html("Your reference<br><strong>{}</strong>", "ENQ-1"))
    assert html.select_one("div.govuk-panel--confirmation h1.govuk-panel__title").get_text(strip=True) == "Message sent"
    assert html.select_one(".govuk-panel__body strong").get_text() == "ENQ-1"


def test_the_table_renders_row_headers_when_asked():
    html = render(
        "table",
        caption="Cookies",
        head=[{"text": "Name"}, {"text": "Expires"}],
        rows=[[{"text": "pledge_session"}, {"text": "2 days"}]],
        first_cell_is_header=True,
    )
    assert html.select_one("tbody th[scope=row]").get_text() == "pledge_session"
    assert [th["scope"] for th in html.select("thead th")] == ["col", "col"]


def test_the_summary_list_marks_rows_without_actions_when_others_have_them():
    html = render(
        "summary-list",
        rows=[
            {
                "key": "Name",
                "value": "Ann",
                "actions": [{"href": "/n", "text": "Change", "visually_hidden_text": "name"}],
            },
            {"key": "Reference", "value": "ENQ-1"},
        ],
    )
    rows = html.select(".govuk-summary-list__row")
    assert "govuk-summary-list__row--no-actions" not in rows[0]["class"]
    assert "govuk-summary-list__row--no-actions" in rows[1]["class"]
    assert rows[0].select_one("a").get_text() == "Change name"


def test_the_success_notification_banner_is_an_alert():
    html = render("notification-banner", type="success", heading="Saved")
    banner = html.select_one(".govuk-notification-banner--success")
    assert banner["role"] == "alert"
    assert banner.select_one("#govuk-notification-banner-title").get_text(strip=True) == "Success"


def test_the_date_input_names_and_labels_its_three_boxes():
    html = render(
        "date-input", id="sent", name_prefix="sent", legend="When did you write?", error_message="Enter a date"
    )
    assert [i["name"] for i in html.select("input")] == ["sent-day", "sent-month", "sent-year"]
    assert html.select_one("fieldset")["role"] == "group"
    assert all("govuk-input--error" in i["class"] for i in html.select("input"))


def test_the_breadcrumbs_mark_the_last_item_as_the_current_page():
    html = render("breadcrumbs", items=[{"text": "Home", "href": "/"}, {"text": "Cookies"}])
    assert html.select_one("li[aria-current=page]").get_text(strip=True) == "Cookies"


def test_the_pagination_marks_the_current_page():
    html = render(
        "pagination",
        next_href="?page=2",
        items=[{"number": 1, "href": "?page=1", "current": True}, {"number": 2, "href": "?page=2"}],
    )
    assert html.select_one("a[aria-current=page]").get_text(strip=True) == "1"
    assert html.select_one(".govuk-pagination__next a")["rel"] == ["next"]


def test_the_warning_text_has_a_visually_hidden_prefix():
    html = render("warning-text", text="You can be fined")
    assert html.select_one(".govuk-visually-hidden").get_text() == "Warning"
