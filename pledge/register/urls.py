from django.urls import path

from pledge.register import views

app_name = "register"

urlpatterns = [
    path("", views.register_index, name="index"),
    path("services/<slug:service_slug>/add-activity/", views.activity_add, name="activity_add"),
    path("activities/<slug:slug>/", views.activity_detail, name="activity"),
    path("activities/<slug:slug>/edit/", views.activity_edit, name="activity_edit"),
    path("activities/<slug:slug>/submit/", views.activity_submit, name="activity_submit"),
    path("activities/<slug:slug>/approve/", views.activity_approve, name="activity_approve"),
    path("controllers/", views.controller_index, name="controllers"),
    path("controllers/<slug:slug>/edit/", views.controller_edit, name="controller_edit"),
    path("transfers/", views.transfers, name="transfers"),
    path("ico-record.<str:fmt>", views.ico_record, name="ico_record"),
]
