"""The public request journey. Included at /your-rights/ in pledge/urls.py."""

import re

from django.urls import path, register_converter

from pledge.rights import views
from pledge.rights.journey import STEPS

app_name = "rights"


class QuestionConverter:
    """Match only the journey's question slugs, so a made-up one is a 404."""

    regex = "|".join(re.escape(step.slug) for step in STEPS)

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


register_converter(QuestionConverter, "rights_question")

urlpatterns = [
    path("", views.start, name="start"),
    path("check-your-answers/", views.check_answers, name="check_answers"),
    path("request-sent/", views.confirmation, name="confirmation"),
    path("<rights_question:slug>/", views.question, name="question"),
]
