from django.urls import URLPattern, URLResolver, path

from pledge.cookies import views

app_name = "cookies"

urlpatterns: list[URLPattern | URLResolver] = [
    path("cookies/", views.cookies, name="cookies"),
]
