from django.apps import AppConfig


class ConsentConfig(AppConfig):
    name = "pledge.consent"
    label = "consent"
    verbose_name = "Consent ledger and marketing preferences"
