"""Releasing a case's response to the requester portal, and the reply to a request about someone who has died.

Included at /staff/cases/ before casework's URLs, whose ``<pk>/<action>/`` pattern would otherwise take
``<pk>/release/``."""

from django.urls import path

from pledge.rights import deceased_views, staff_views

app_name = "rights_staff"

urlpatterns = [
    path("someone-who-has-died/", deceased_views.deceased_letter, name="deceased_letter"),
    path("<int:pk>/release/", staff_views.release_page, name="release"),
    path("<int:pk>/release/files/", staff_views.upload_file, name="upload"),
    path("<int:pk>/release/files/<int:file_id>/", staff_views.open_file, name="file"),
    path("<int:pk>/release/files/<int:file_id>/remove/", staff_views.remove_file, name="remove"),
    path("<int:pk>/release/send/", staff_views.release_files, name="send"),
    path("<int:pk>/release/<int:release_id>/withdraw/", staff_views.withdraw, name="withdraw"),
]
