from django.urls import URLPattern, URLResolver, path

from pledge.cookies import embed, staff_views, views

app_name = "cookies"

urlpatterns: list[URLPattern | URLResolver] = [
    path("cookies/", views.cookies, name="cookies"),
    path("cookies/choice/", views.banner_choice, name="banner_choice"),
    path("cookies/hide/", views.hide_banner, name="hide_banner"),
    path("cookies/embedded/", views.load_embedded, name="load_embedded"),
    path("cookies/embedded-content/", views.embedded_content, name="embedded_content"),
    path("cookies/banner.js", embed.banner_js, name="banner_js"),
    path("cookies/banner.css", embed.banner_css, name="banner_css"),
    path("cookies/example/", embed.example, name="example"),
    path("cookies/log/", embed.log_choice, name="log_choice"),
    path("staff/cookies/", staff_views.register, name="register"),
    path("staff/cookies/new/", staff_views.edit_item, name="new_item"),
    path("staff/cookies/<int:pk>/", staff_views.edit_item, name="edit_item"),
    path("staff/cookies/<int:pk>/remove/", staff_views.remove_item, name="remove_item"),
    path("staff/cookies/consent-log/", staff_views.consent_log, name="consent_log"),
    path("staff/cookies/consent-log.csv", staff_views.consent_log_csv, name="consent_log_csv"),
]
