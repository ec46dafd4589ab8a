from django.apps import AppConfig


class FulfilmentConfig(AppConfig):
    name = "pledge.fulfilment"
    label = "fulfilment"
    verbose_name = "Fulfilment"
