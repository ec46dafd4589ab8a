from django.apps import AppConfig


class SiteConfig(AppConfig):
    name = "pledge.site"
    label = "site"
