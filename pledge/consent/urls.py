"""Consent URLs, mounted at the site root: the public opt-out under your-preferences/, staff pages under
staff/consent/. A person appears in a URL only as their pseudonymous subject id."""

from django.urls import URLPattern, URLResolver, path

from pledge.consent import views

app_name = "consent"

urlpatterns: list[URLPattern | URLResolver] = [
    path("your-preferences/opt-out/", views.public_opt_out, name="opt_out"),
    path("your-preferences/opt-out/done/", views.public_opted_out, name="opted_out"),
    path("staff/consent/", views.find_person, name="find"),
    path("staff/consent/people/<str:subject>/", views.person, name="person"),
    path("staff/consent/people/<str:subject>/record/", views.record_consent, name="record"),
    path(
        "staff/consent/people/<str:subject>/representative/",
        views.record_representative_consent,
        name="record_representative",
    ),
    path("staff/consent/people/<str:subject>/withdraw/", views.withdraw_consent, name="withdraw"),
    path("staff/consent/people/<str:subject>/<str:kind>/", views.record_blanket, name="blanket"),
]
