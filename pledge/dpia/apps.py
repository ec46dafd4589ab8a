from django.apps import AppConfig


class DpiaConfig(AppConfig):
    name = "pledge.dpia"
    label = "dpia"
    verbose_name = "Data protection impact assessments"

    def ready(self) -> None:
        # The register knows nothing of DPIAs; this app adds its go-live rule (P119) to the register's approval.
        from pledge.dpia.services import dpia_blocker
        from pledge.register.services import APPROVAL_CHECKS

        if dpia_blocker not in APPROVAL_CHECKS:
            APPROVAL_CHECKS.append(dpia_blocker)
