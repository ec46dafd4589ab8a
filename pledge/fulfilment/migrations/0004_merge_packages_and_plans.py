# Access packages and plans were built side by side from the same parent; this joins the two branches.
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("fulfilment", "0003_access_packages"),
        ("fulfilment", "0003_plans"),
    ]

    operations = []
