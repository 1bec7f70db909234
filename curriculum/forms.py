from django import forms
from django.utils.translation import gettext_lazy as _

from accounts.crypto import UnreadableText
from curriculum.models import JournalEntry
from curriculum.services import text_version


class JournalEntryForm(forms.ModelForm):
    # The entry as this page last saw it: a save from a page another device has since
    # overtaken is refused rather than written over newer text.
    version = forms.IntegerField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk:
            self.initial["version"] = text_version(self.instance.updated_at)

    class Meta:
        model = JournalEntry
        fields = ["body"]
        labels = {"body": _("Your answer")}
        help_texts = {
            "body": _(
                "Only you can read this. For bold, put two asterisks on each side: "
                "**like this**. For a list, start each line with a dash and a space."
            )
        }
        widgets = {"body": forms.Textarea(attrs={"rows": 12, "data-autosave": "true"})}

    def clean_body(self):
        body = self.cleaned_data["body"]
        if len(body) > 50_000:
            raise forms.ValidationError(
                _("This entry is too long: keep it under 50,000 characters.")
            )
        if isinstance(self.instance.body, UnreadableText):
            # Saving would replace, for good, the text a found key would open again.
            raise forms.ValidationError(
                _(
                    "This entry cannot be changed until the server has its key again; "
                    "nothing was saved."
                )
            )
        return body
