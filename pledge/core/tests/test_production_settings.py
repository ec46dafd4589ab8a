"""In production Pledge serves only HTTPS with HSTS and refuses to start without a secret (promise P126)."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

from django.conf import settings

from pledge.core.encryption import new_file_key


def clean_environment() -> dict[str, str]:
    """This process's environment without test-only switches (the browser tests allow async-unsafe calls)."""
    environment = {k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"}
    return {**environment, "DJANGO_SETTINGS_MODULE": "pledge.settings"}


def run_pledge(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    # An in-memory database: these checks must never touch the developer's own.
    environment = {**clean_environment(), "DATABASE_URL": "sqlite://:memory:", **env}
    return subprocess.run(
        [sys.executable, "-m", "pledge.cli", *args],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env=environment,
        timeout=120,
        check=False,
    )


def test_the_deployment_check_passes_with_debug_off() -> None:
    finished = run_pledge(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        PLEDGE_DEBUG="0",
        PLEDGE_SECRET_KEY=secrets.token_urlsafe(60),
        PLEDGE_FILE_KEYS=new_file_key(),
        PLEDGE_MALWARE_SCAN_COMMAND="clamdscan --no-summary --fdpass {path}",
    )
    assert finished.returncode == 0, finished.stderr


def test_the_deployment_check_warns_when_private_files_have_no_keys_of_their_own() -> None:
    finished = run_pledge(
        "check", "--deploy", "--fail-level", "WARNING", PLEDGE_DEBUG="0", PLEDGE_SECRET_KEY=secrets.token_urlsafe(60)
    )
    assert finished.returncode != 0
    assert "pledge.W001" in finished.stderr


def test_it_refuses_to_start_in_production_without_a_secret_key() -> None:
    finished = run_pledge("check", PLEDGE_DEBUG="0", PLEDGE_SECRET_KEY="")
    assert finished.returncode != 0
    assert "PLEDGE_SECRET_KEY must be set" in finished.stderr


def test_plain_http_redirects_to_https_in_production(tmp_path: Path) -> None:
    code = (
        "import django; django.setup(); from django.test import Client; "
        "r = Client().get('/brand.css', HTTP_HOST='127.0.0.1'); print(r.status_code, r['Location'], "
        "'Strict-Transport-Security' in Client().get('/brand.css', secure=True, HTTP_HOST='127.0.0.1'))"
    )
    environment = {
        **clean_environment(),
        "PLEDGE_DEBUG": "0",
        "PLEDGE_SECRET_KEY": secrets.token_urlsafe(60),
        # Never the developer's database: this request needs none.
        "DATABASE_URL": f"sqlite:///{tmp_path / 'unused.sqlite3'}",
    }
    finished = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        cwd=settings.BASE_DIR,
        env=environment,
        check=False,
    )
    assert finished.stdout.split() == ["301", "https://127.0.0.1/brand.css", "True"], finished.stderr
