from django.urls import path

from pledge.notices import views

app_name = "notices"

urlpatterns = [
    path("privacy/", views.notice_index, name="index"),
    path("privacy/retention-schedule/", views.retention_schedule, name="retention_schedule"),
    path("privacy/retention-schedule.<str:fmt>", views.retention_schedule, name="retention_schedule_file"),
    path("privacy/<slug:slug>/", views.notice_detail, name="detail"),
    path("privacy/<slug:slug>/version/<int:number>/", views.notice_detail, name="version"),
    path("privacy/<slug:slug>/changes/", views.notice_changes, name="changes"),
    path("privacy/<slug:slug>/download.<str:fmt>", views.notice_download, name="download"),
    path("staff/notices/", views.staff_notice_index, name="staff_index"),
    path("staff/notices/audit/", views.staff_notice_audit, name="staff_audit"),
    path("staff/notices/<slug:slug>/", views.staff_notice_publish, name="staff_publish"),
]
