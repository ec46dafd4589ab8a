from django.apps import AppConfig


class BreachesConfig(AppConfig):
    name = "pledge.breaches"
    label = "breaches"
    verbose_name = "Personal data breaches"
