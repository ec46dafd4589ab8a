from django.urls import URLPattern, URLResolver

app_name = "cookies"

urlpatterns: list[URLPattern | URLResolver] = []
