"""Journal entries encrypted at rest: existing entries are encrypted in place, and the
reverse decrypts them. The data step runs while the field is still a plain TextField in
the migration state, so it reads and writes the column as it is."""

from django.db import migrations

import accounts.crypto


def encrypt_entries(apps, schema_editor):
    JournalEntry = apps.get_model("curriculum", "JournalEntry")
    for pk, body in JournalEntry.objects.values_list("pk", "body").iterator():
        JournalEntry.objects.filter(pk=pk).update(body=accounts.crypto.encrypt(body))


def decrypt_entries(apps, schema_editor):
    JournalEntry = apps.get_model("curriculum", "JournalEntry")
    for pk, body in JournalEntry.objects.values_list("pk", "body").iterator():
        JournalEntry.objects.filter(pk=pk).update(
            body=accounts.crypto.decrypt(body) if body else body
        )


class Migration(migrations.Migration):
    dependencies = [
        ("curriculum", "0004_activity_results"),
    ]

    operations = [
        # Reversed, the field becomes a TextField again first, then the data is decrypted.
        migrations.RunPython(encrypt_entries, decrypt_entries),
        migrations.AlterField(
            model_name="journalentry",
            name="body",
            field=accounts.crypto.EncryptedTextField(
                blank=True, help_text="Markdown.", verbose_name="entry"
            ),
        ),
    ]
