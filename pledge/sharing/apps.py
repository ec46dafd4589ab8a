from django.apps import AppConfig


class SharingConfig(AppConfig):
    name = "pledge.sharing"
    label = "sharing"
    verbose_name = "Information-sharing agreements"
