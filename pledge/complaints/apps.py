from django.apps import AppConfig


class ComplaintsConfig(AppConfig):
    name = "pledge.complaints"
    label = "complaints"
    verbose_name = "Data protection complaints"
