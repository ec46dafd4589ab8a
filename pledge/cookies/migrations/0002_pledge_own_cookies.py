"""Start the register with the cookies Pledge itself sets, so the cookies page is never empty or wrong."""

from django.db import migrations

from pledge.cookies.own import COUNCIL, own_cookies


def seed(apps, schema_editor) -> None:
    CookieItem = apps.get_model("cookies", "CookieItem")
    for entry in own_cookies():
        CookieItem.objects.get_or_create(
            name=entry.pop("name"),
            kind="cookie",
            defaults={**entry, "provider": COUNCIL, "exemption": "strictly_necessary"},
        )


class Migration(migrations.Migration):
    dependencies = [("cookies", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
