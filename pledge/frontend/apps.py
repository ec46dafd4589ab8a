from django.apps import AppConfig


class FrontendConfig(AppConfig):
    name = "pledge.frontend"
    label = "frontend"
