from django.apps import AppConfig


class DiscoveryConfig(AppConfig):
    name = "pledge.discovery"
    label = "discovery"
    verbose_name = "Discovery"
