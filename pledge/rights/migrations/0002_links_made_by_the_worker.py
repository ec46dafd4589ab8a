from django.db import migrations, models


def drop_unsent_links(apps, schema_editor):
    # Links the web request made before the worker sent them never had a secret: they could not be used.
    apps.get_model("rights", "PortalLink").objects.filter(token_hash__isnull=True).delete()


class Migration(migrations.Migration):

    dependencies = [
        ("rights", "0001_portal_and_releases"),
    ]

    operations = [
        migrations.RunPython(drop_unsent_links, migrations.RunPython.noop),
        migrations.RemoveField(model_name="portallink", name="sent_at"),
        migrations.AlterField(
            model_name="portallink",
            name="token_hash",
            field=models.CharField(max_length=64, unique=True),
        ),
        migrations.AddField(
            model_name="portallinkrequest",
            name="reference",
            field=models.CharField(blank=True, max_length=40),
        ),
        migrations.AddField(
            model_name="portallinkrequest",
            name="email_hash",
            field=models.CharField(blank=True, max_length=64),
        ),
        migrations.AddField(
            model_name="portallinkrequest",
            name="checked_at",
            field=models.DateTimeField(blank=True, null=True),
        ),
    ]
