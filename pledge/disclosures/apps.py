from django.apps import AppConfig


class DisclosuresConfig(AppConfig):
    name = "pledge.disclosures"
    label = "disclosures"
    verbose_name = "Disclosure log"
