"""``{% collection_notice "activity-slug" %}``: the short privacy notice shown beside a form, before its button."""

from typing import Any

from django import template

from pledge.notices.collection import collection_notice as find_collection_notice

register = template.Library()


@register.inclusion_tag("notices/_collection_notice.html")
def collection_notice(activity_slug: str) -> dict[str, Any]:
    return {"notice": find_collection_notice(activity_slug)}
