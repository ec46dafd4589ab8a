from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "pledge.core"
    label = "core"
    verbose_name = "Pledge core"

    def ready(self) -> None:
        from pledge.core import checks  # noqa: F401 - registers the deployment checks
