import logging

from django.apps import AppConfig


class RedactionConfig(AppConfig):
    name = "pledge.redaction"
    label = "redaction"
    verbose_name = "Redaction"

    def ready(self) -> None:
        # Presidio logs every recogniser it loads, and its device, at INFO: noise in every command's output.
        logging.getLogger("presidio-analyzer").setLevel(logging.WARNING)
        logging.getLogger("presidio-anonymizer").setLevel(logging.WARNING)
