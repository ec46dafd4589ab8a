"""Breach pages under /staff/breaches/."""

from django.urls import path

from pledge.breaches import views

app_name = "breaches"

urlpatterns = [
    path("", views.register, name="register"),
    path("report/", views.report, name="report"),
    path("report/from-case/<int:case_pk>/", views.report_misdirected, name="report_misdirected"),
    path("<int:pk>/", views.breach, name="breach"),
    path("<int:pk>/reported/", views.reported, name="reported"),
    path("<int:pk>/assess/", views.assess, name="assess"),
    path("<int:pk>/ico/", views.decide_ico, name="decide_ico"),
    path("<int:pk>/people/", views.decide_people, name="decide_people"),
    path("<int:pk>/response/", views.record_response, name="record_response"),
    path("<int:pk>/actions/", views.add_action, name="add_action"),
    path("<int:pk>/actions/<int:action_pk>/done/", views.complete_action, name="complete_action"),
    path("<int:pk>/close/", views.close, name="close"),
    path("<int:pk>/<slug:name>/", views.preview, name="preview"),
    path("<int:pk>/<slug:name>.<str:fmt>", views.document, name="document"),
]
