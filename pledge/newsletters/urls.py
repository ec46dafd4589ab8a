"""Public pages under /newsletters/ and staff pages under /staff/newsletters/."""

from django.urls import URLPattern, URLResolver, path

from pledge.newsletters import staff_views, views

app_name = "newsletters"

urlpatterns: list[URLPattern | URLResolver] = [
    path("newsletters/", views.signup, name="signup"),
    path("newsletters/check-your-email/", views.check_email, name="check_email"),
    path("newsletters/confirm/<str:token>/", views.confirm, name="confirm"),
    path("newsletters/unsubscribe/<str:token>/", views.unsubscribe, name="unsubscribe"),
    path("newsletters/preferences/<str:token>/", views.preferences, name="preferences"),
    path("staff/newsletters/", staff_views.index, name="staff_index"),
    path("staff/newsletters/lists/new/", staff_views.new_list, name="new_list"),
    path("staff/newsletters/issues/new/", staff_views.new_issue, name="new_issue"),
    path("staff/newsletters/issues/<int:pk>/", staff_views.issue, name="issue"),
    path("staff/newsletters/issues/<int:pk>/send/", staff_views.send_issue, name="send_issue"),
    path("staff/newsletters/sends/<int:pk>/", staff_views.send, name="send"),
]
