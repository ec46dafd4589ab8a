"""Render Django forms with GOV.UK Design System components.

``{% govuk_field form.field %}`` picks the component from the field's widget and renders its
include from ``frontend/components/``; ``{% govuk_error_summary form %}`` lists every error with a
link to the field it belongs to. Both follow the markup GOV.UK Frontend documents, so the pages
work the same with JavaScript off.
"""

from typing import Any

from django import forms, template
from django.forms.boundfield import BoundField
from django.template.loader import render_to_string
from django.utils.html import format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

# Widget attributes the components set themselves, or that we leave out on purpose: `required`,
# `maxlength` and `minlength` would let the browser validate before the server can show a GOV.UK
# error summary, and the Design System advises against them.
_HANDLED_ATTRS = frozenset(
    {
        "id",
        "name",
        "class",
        "type",
        "value",
        "required",
        "maxlength",
        "minlength",
        "autocomplete",
        "inputmode",
        "spellcheck",
        "autocapitalize",
        "rows",
        "cols",
        "multiple",
        "disabled",
    }
)

# GOV.UK asks for a plain text input with a numeric keyboard rather than `type="number"`, which
# browsers round, scroll and reject in ways users do not expect.
_NUMERIC_INPUT = {"type": "text", "inputmode": "numeric", "spellcheck": "false"}

# The first format in Django's en-GB DATE_INPUT_FORMATS is day/month/year.
DATE_HINT = "For example, 27/3/2026"


@register.filter
def govuk_attributes(attributes: dict[str, Any] | None) -> SafeString:
    """Render a dict as HTML attributes with a leading space; True gives a bare attribute."""
    if not attributes:
        return mark_safe("")
    bare = [name for name, value in attributes.items() if value is True]
    valued = [(name, value) for name, value in attributes.items() if value not in (True, False, None)]
    return format_html_join("", ' {}="{}"', valued) + format_html_join("", " {}", ((name,) for name in bare))


@register.filter
def govuk_any_row_has_actions(rows: list[dict[str, Any]]) -> bool:
    """True when any summary-list row has actions (rows without then get the no-actions modifier)."""
    return any(row.get("actions") for row in rows)


@register.simple_tag
def aria_describedby(described_by: str, field_id: str, hint: str = "", error_message: str = "") -> SafeString:
    """Render ` aria-describedby="..."` naming other describers, then "<id>-hint" and "<id>-error" when present."""
    ids = [described_by or ""]
    if hint:
        ids.append(f"{field_id}-hint")
    if error_message:
        ids.append(f"{field_id}-error")
    present = " ".join(i for i in ids if i)
    if not present:
        return mark_safe("")
    return format_html(' aria-describedby="{}"', present)


def _error_message(field: BoundField) -> str:
    """The first error on a field: GOV.UK shows one message per field."""
    return str(field.errors[0]) if field.errors else ""


def _label_text(field: BoundField, *, mark_optional: bool = True) -> str:
    label = str(field.label or "")
    if mark_optional and not field.field.required:
        return f"{label} (optional)"
    return label


def _extra_attributes(widget: forms.Widget) -> dict[str, Any]:
    return {k: v for k, v in widget.attrs.items() if k not in _HANDLED_ATTRS}


def _common(field: BoundField, options: dict[str, Any]) -> dict[str, Any]:
    """Parameters every component takes, from the bound field and the tag's keyword options."""
    widget = field.field.widget
    hint = options.get("hint", field.help_text or "")
    return {
        "id": field.auto_id or field.html_name,
        "name": field.html_name,
        "label": options.get("label", _label_text(field)),
        "label_classes": options.get("label_classes", ""),
        "is_page_heading": bool(options.get("is_page_heading", False)),
        "hint": hint,
        "error_message": _error_message(field),
        "classes": options.get("classes", widget.attrs.get("class", "")),
        "disabled": field.field.disabled,
        "attributes": _extra_attributes(widget),
    }


def _text_value(field: BoundField) -> str:
    value = field.field.widget.format_value(field.value())
    return "" if value is None else str(value)


def _input(field: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    widget = field.field.widget
    params = _common(field, options)
    input_type = getattr(widget, "input_type", "text")
    extras: dict[str, Any] = {"type": input_type}
    if isinstance(widget, forms.NumberInput):
        extras = dict(_NUMERIC_INPUT)
    elif isinstance(widget, forms.EmailInput):
        extras = {"type": "email", "spellcheck": "false", "autocomplete": "email"}
    elif isinstance(widget, forms.DateInput):
        params["hint"] = params["hint"] or DATE_HINT
        extras = {"type": "text"}
    elif isinstance(widget, forms.PasswordInput):
        extras = {"type": "password", "spellcheck": "false", "autocomplete": "current-password"}
    for key in ("autocomplete", "inputmode", "spellcheck", "autocapitalize"):
        if key in widget.attrs:
            extras[key] = widget.attrs[key]
    params.update(extras)
    params.setdefault("autocomplete", "")
    params.setdefault("inputmode", "")
    params.setdefault("spellcheck", "")
    params.setdefault("autocapitalize", "")
    params["value"] = "" if isinstance(widget, forms.PasswordInput) and not widget.render_value else _text_value(field)
    return "input", params


def _textarea(field: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    widget = field.field.widget
    params = _common(field, options)
    params.update(
        value=_text_value(field),
        rows=options.get("rows", widget.attrs.get("rows", 5)),
        autocomplete=widget.attrs.get("autocomplete", ""),
        spellcheck=widget.attrs.get("spellcheck", ""),
    )
    return "textarea", params


def _choice_items(field: BoundField, *, checked: set[str]) -> list[dict[str, Any]]:
    return [
        {"value": str(value), "text": str(text), "checked": str(value) in checked}
        for value, text in field.field.widget.choices
    ]


def _select(field: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    params = _common(field, options)
    params["items"] = [
        {"value": item["value"], "text": item["text"], "selected": item["checked"]}
        for item in _choice_items(field, checked={str(field.value() or "")})
    ]
    return "select", params


def _fieldset_params(field: BoundField, options: dict[str, Any]) -> dict[str, Any]:
    params = _common(field, options)
    params["id_prefix"] = params.pop("id")
    params["legend"] = params.pop("label")
    params["legend_classes"] = options.get("legend_classes", "govuk-fieldset__legend--s")
    return params


def _radios(field: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    params = _fieldset_params(field, options)
    params["items"] = _choice_items(field, checked={str(field.value() or "")})
    return "radios", params


def _checkboxes(field: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    params = _fieldset_params(field, options)
    chosen = field.value() or []
    params["items"] = _choice_items(field, checked={str(v) for v in chosen})
    return "checkboxes", params


def _single_checkbox(field: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """One checkbox with no fieldset: its label is the statement the user agrees to."""
    params = _common(field, options)
    params["id_prefix"] = params.pop("id")
    text = options.get("label", str(field.label or ""))
    del params["label"]
    params["legend"] = ""
    checked = bool(field.field.widget.check_test(field.value()))
    params["items"] = [{"value": "true", "text": text, "checked": checked}]
    return "checkboxes", params


def _file_upload(field: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    params = _common(field, options)
    params["multiple"] = bool(field.field.widget.attrs.get("multiple"))
    return "file-upload", params


def component_for(field: BoundField, options: dict[str, Any]) -> tuple[str, dict[str, Any]]:
    """Choose the GOV.UK component for a bound field's widget; returns (include name, parameters)."""
    widget = field.field.widget
    # Order matters: CheckboxSelectMultiple is a RadioSelect, both are Selects, and
    # ClearableFileInput is a FileInput.
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.SelectMultiple):
        return _checkboxes(field, options)
    if isinstance(widget, forms.RadioSelect):
        return _radios(field, options)
    if isinstance(widget, forms.Select):
        return _select(field, options)
    if isinstance(widget, forms.CheckboxInput):
        return _single_checkbox(field, options)
    if isinstance(widget, forms.Textarea):
        return _textarea(field, options)
    if isinstance(widget, forms.FileInput):
        return _file_upload(field, options)
    return _input(field, options)


@register.simple_tag
def govuk_field(field: BoundField, **options: Any) -> SafeString:
    """Render a bound field as its GOV.UK component.

    Options: label, label_classes (e.g. "govuk-label--l"), is_page_heading, hint, classes (e.g.
    "govuk-input--width-20"), legend_classes, rows. Hidden fields render as Django renders them.
    """
    if field.is_hidden:
        return mark_safe(str(field))
    name, params = component_for(field, options)
    return mark_safe(render_to_string(f"frontend/components/{name}.html", params))


def error_list(form: forms.BaseForm) -> list[dict[str, str]]:
    """Every error on a form as {text, href}: non-field errors first, linked to the first field."""
    visible = form.visible_fields()
    first_id = f"#{visible[0].auto_id}" if visible and visible[0].auto_id else ""
    items = [{"text": str(e), "href": first_id} for e in form.non_field_errors()]
    for field in visible:
        if field.errors:
            items.append({"text": _error_message(field), "href": f"#{field.auto_id}"})
    for field in form.hidden_fields():
        items.extend({"text": f"{field.label}: {e}", "href": first_id} for e in field.errors)
    return items


@register.simple_tag
def govuk_error_summary(form: forms.BaseForm, title: str = "There is a problem") -> SafeString:
    """Render the error summary for a bound form, or nothing when it has no errors."""
    if not form.is_bound or not form.errors:
        return mark_safe("")
    return mark_safe(
        render_to_string("frontend/components/error-summary.html", {"title": title, "errors": error_list(form)})
    )
