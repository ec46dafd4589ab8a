from django.urls import URLPattern, URLResolver, path

from pledge.retention import hold_views, views

app_name = "retention"

urlpatterns: list[URLPattern | URLResolver] = [
    path("", views.retention_dashboard, name="dashboard"),
    path("queue/", views.disposal_queue, name="queue"),
    path("queue/<int:pk>/", views.batch_detail, name="batch"),
    path("queue/<int:pk>/approve/", views.batch_approve, name="approve"),
    path("runs/", views.run_index, name="runs"),
    path("runs/<int:pk>/", views.run_detail, name="run"),
    path("tasks/<int:pk>/", views.task_detail, name="task"),
    path("certificates/", views.certificate_index, name="certificates"),
    path("certificates/<str:reference>/", views.certificate_detail, name="certificate"),
    path("certificates/<str:reference>/download.<str:fmt>", views.certificate_file, name="certificate_file"),
    path("holds/", hold_views.hold_index, name="holds"),
    path("holds/new/", hold_views.hold_new, name="hold_new"),
    path("holds/<int:pk>/", hold_views.hold_detail, name="hold"),
]
