from django.apps import AppConfig


class CookiesConfig(AppConfig):
    name = "pledge.cookies"
    label = "cookies"
    verbose_name = "Cookie register, banner and consent log"
