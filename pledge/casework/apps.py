from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "pledge.casework"
    label = "casework"
    verbose_name = "Casework"
