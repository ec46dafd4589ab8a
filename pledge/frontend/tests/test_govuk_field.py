from bs4 import BeautifulSoup
from django.template import Context, Template

from pledge.frontend.tests.forms import EveryWidgetForm

VALID = {
    "full_name": "Ann Example",
    "email": "ann@example.com",
    "story": "It happened",
    "colour": "red",
    "contact_by": "post",
    "topics": ["tax", "bins"],
    "agree": "true",
}


def render_field(form, name, **options):
    args = " ".join(f'{key}="{value}"' for key, value in options.items())
    template = Template("{% load govuk %}{% govuk_field field " + args + " %}")
    return BeautifulSoup(template.render(Context({"field": form[name]})), "html.parser")


def test_it_renders_a_text_input_with_its_label_and_autocomplete():
    html = render_field(EveryWidgetForm(), "full_name")
    field = html.select_one("input.govuk-input")
    assert field["type"] == "text"
    assert field["id"] == "id_full_name"
    assert field["name"] == "full_name"
    assert field["autocomplete"] == "name"
    assert html.select_one("label.govuk-label")["for"] == "id_full_name"
    assert html.select_one("label").get_text(strip=True) == "Full name"


def test_it_leaves_out_the_required_attribute_so_the_server_shows_the_errors():
    field = render_field(EveryWidgetForm(), "full_name").select_one("input")
    assert not field.has_attr("required")
    assert not field.has_attr("maxlength")


def test_it_renders_an_email_input_with_email_autocomplete_and_no_spellcheck():
    field = render_field(EveryWidgetForm(), "email").select_one("input")
    assert field["type"] == "email"
    assert field["autocomplete"] == "email"
    assert field["spellcheck"] == "false"


def test_it_renders_help_text_as_a_hint_linked_by_aria_describedby():
    html = render_field(EveryWidgetForm(), "email")
    assert html.select_one("#id_email-hint.govuk-hint").get_text(strip=True) == "We will only use this to reply."
    assert html.select_one("input")["aria-describedby"] == "id_email-hint"


def test_it_renders_a_number_as_a_text_input_with_a_numeric_keyboard():
    field = render_field(EveryWidgetForm(), "age").select_one("input")
    assert field["type"] == "text"
    assert field["inputmode"] == "numeric"


def test_it_marks_optional_fields_in_the_label():
    assert render_field(EveryWidgetForm(), "age").select_one("label").get_text(strip=True) == "Age (optional)"


def test_it_renders_a_textarea():
    html = render_field(EveryWidgetForm(), "story")
    assert html.select_one("textarea.govuk-textarea")["id"] == "id_story"


def test_it_renders_a_select_with_the_chosen_option_selected():
    html = render_field(EveryWidgetForm(data=VALID), "colour")
    assert html.select_one("select.govuk-select")["name"] == "colour"
    assert html.select_one("option[selected]")["value"] == "red"


def test_it_renders_radios_in_a_fieldset_whose_first_id_matches_the_field_id():
    html = render_field(EveryWidgetForm(data=VALID), "contact_by")
    assert html.select_one("legend.govuk-fieldset__legend").get_text(strip=True) == "How should we contact you?"
    radios = html.select("input.govuk-radios__input")
    assert [r["id"] for r in radios] == ["id_contact_by", "id_contact_by-2"]
    assert [r["type"] for r in radios] == ["radio", "radio"]
    assert html.select_one("input[checked]")["value"] == "post"
    assert html.select_one("label[for=id_contact_by-2]").get_text(strip=True) == "Post"


def test_it_renders_multiple_choices_as_checkboxes_in_a_fieldset():
    html = render_field(EveryWidgetForm(data=VALID), "topics")
    boxes = html.select("input.govuk-checkboxes__input")
    assert [b["type"] for b in boxes] == ["checkbox", "checkbox"]
    assert [b.has_attr("checked") for b in boxes] == [True, True]
    assert html.select_one("fieldset legend") is not None


def test_it_renders_a_boolean_as_a_single_checkbox_without_a_fieldset():
    html = render_field(EveryWidgetForm(data=VALID), "agree")
    box = html.select_one("input.govuk-checkboxes__input")
    assert box["id"] == "id_agree"
    assert box.has_attr("checked")
    assert html.select_one("fieldset") is None
    assert html.select_one("label[for=id_agree]").get_text(strip=True) == "I confirm the information is correct"


def test_it_renders_a_file_field_as_a_file_upload():
    field = render_field(EveryWidgetForm(), "evidence").select_one("input")
    assert field["type"] == "file"
    assert "govuk-file-upload" in field["class"]


def test_it_renders_a_date_as_a_text_input_with_an_example_hint():
    html = render_field(EveryWidgetForm(), "sent_on")
    assert html.select_one("input")["type"] == "text"
    assert "For example" in html.select_one(".govuk-hint").get_text()


def test_it_shows_the_error_message_and_error_styles_on_a_field_with_an_error():
    html = render_field(EveryWidgetForm(data={}), "full_name")
    assert "govuk-form-group--error" in html.select_one(".govuk-form-group")["class"]
    assert "govuk-input--error" in html.select_one("input")["class"]
    message = html.select_one("#id_full_name-error.govuk-error-message")
    assert message.get_text(" ", strip=True) == "Error: This field is required."
    assert html.select_one("input")["aria-describedby"] == "id_full_name-error"


def test_it_describes_a_field_by_its_hint_and_then_its_error():
    html = render_field(EveryWidgetForm(data={"email": "nope"}), "email")
    assert html.select_one("input")["aria-describedby"] == "id_email-hint id_email-error"


def test_it_describes_a_fieldset_by_its_error():
    html = render_field(EveryWidgetForm(data={}), "contact_by")
    assert html.select_one("fieldset")["aria-describedby"] == "id_contact_by-error"


def test_it_keeps_the_value_the_user_typed_after_an_error():
    html = render_field(EveryWidgetForm(data={"email": "not-an-email"}), "email")
    assert html.select_one("input")["value"] == "not-an-email"


def test_it_escapes_what_the_user_typed():
    html = render_field(EveryWidgetForm(data={"full_name": '"><script>alert(1)</script>'}), "full_name")
    assert html.select_one("script") is None
    assert html.select_one("input")["value"] == '"><script>alert(1)</script>'


def test_it_lets_the_template_make_the_label_the_page_heading():
    html = render_field(EveryWidgetForm(), "full_name", is_page_heading="True", label_classes="govuk-label--l")
    assert html.select_one("h1.govuk-label-wrapper label.govuk-label--l") is not None


def test_it_renders_hidden_fields_as_plain_hidden_inputs():
    html = render_field(EveryWidgetForm(), "token")
    assert html.select_one("input")["type"] == "hidden"
    assert html.select_one(".govuk-form-group") is None
