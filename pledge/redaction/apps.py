from django.apps import AppConfig


class RedactionConfig(AppConfig):
    name = "pledge.redaction"
    label = "redaction"
    verbose_name = "Redaction"
