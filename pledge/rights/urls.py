"""The public request journey and the requester portal. Included at /your-rights/ in pledge/urls.py."""

import re

from django.urls import path, register_converter

from pledge.rights import portal_views, views
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
    path("someone-who-has-died/", views.someone_who_has_died, name="someone_who_has_died"),
    path("check-your-request/", portal_views.portal_start, name="portal_start"),
    path("check-your-request/check-your-email/", portal_views.portal_link_sent, name="portal_link_sent"),
    path("check-your-request/open/<str:token>/", portal_views.portal_open, name="portal_open"),
    path("check-your-request/your-request/", portal_views.portal_request, name="portal_request"),
    path("check-your-request/files/<int:file_id>/", portal_views.portal_download, name="portal_download"),
    path("check-your-request/send-proof/", portal_views.portal_upload, name="portal_upload"),
    path("check-your-request/sign-out/", portal_views.portal_sign_out, name="portal_sign_out"),
    path("check-your-request/signed-out/", portal_views.portal_signed_out, name="portal_signed_out"),
    path("<rights_question:slug>/", views.question, name="question"),
]
