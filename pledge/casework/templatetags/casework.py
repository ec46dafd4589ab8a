"""``{% casework_field field %}``: the GOV.UK component for a field, with a hint under each choice when the form
field carries ``item_hints`` (the exemption's test, the refusal ground's test)."""

from django import template
from django.forms.boundfield import BoundField
from django.template.loader import render_to_string
from django.utils.safestring import SafeString, mark_safe

from pledge.frontend.templatetags.govuk import component_for, govuk_field

register = template.Library()


@register.simple_tag
def casework_field(field: BoundField) -> SafeString:
    """Render ``field`` as ``govuk_field`` does, adding per-choice hints to radios that have them."""
    hints = getattr(field.field, "item_hints", None)
    if not hints:
        return govuk_field(field)
    name, params = component_for(field, {})
    for item in params.get("items", []):
        item["hint"] = hints.get(item["value"], "")
    return mark_safe(render_to_string(f"frontend/components/{name}.html", params))
