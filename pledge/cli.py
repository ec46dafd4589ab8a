"""The ``pledge`` console script: Django's management commands with Pledge's settings.

``pledge register validate DIR`` runs the management command ``register`` with ``validate DIR``.
"""

import os
import sys


def main(argv: list[str] | None = None) -> int:
    """Run a management command and return its exit status."""
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "pledge.settings")
    from django.core.management import execute_from_command_line

    args = list(sys.argv if argv is None else argv)
    args[0] = "pledge"
    try:
        execute_from_command_line(args)
    except SystemExit as stop:
        return int(stop.code or 0) if not isinstance(stop.code, str) else 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
