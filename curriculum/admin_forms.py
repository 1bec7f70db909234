from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from curriculum.h5p import MAX_UPLOAD_BYTES, PackageRefused, package_check, package_store
from curriculum.models import H5PActivity


class H5PActivityForm(WagtailAdminModelForm):
    """Checks the uploaded package completely in `clean`; only a good one is stored."""

    package = forms.FileField(
        label=_("H5P package (.h5p)"),
        required=False,
        help_text=_("Checked before anything is kept. Leave empty to keep the current package."),
    )

    class Meta:
        model = H5PActivity
        fields = ["title"]

    def clean(self):
        cleaned = super().clean()
        upload = cleaned.get("package")
        if upload is None:
            if not self.instance.package_digest:
                self.add_error("package", _("Choose an .h5p file to upload."))
            return cleaned
        if upload.size > MAX_UPLOAD_BYTES:
            self.add_error("package", _("The file is too large."))
            return cleaned
        try:
            self.checked_package = package_check(upload.read())
        except PackageRefused as refusal:
            self.add_error("package", refusal.message)
        return cleaned

    def save(self, commit=True):
        # For a live activity Wagtail calls this with commit=False and keeps the result in
        # a draft revision only: the live row, and so readers, keep the published package
        # until a moderator publishes the draft. Storing the files now is harmless: they
        # are content-addressed and nothing links to them before then.
        checked = getattr(self, "checked_package", None)
        if checked is not None:
            package_store(checked)
            self.instance.package_digest = checked.digest
            self.instance.main_library = checked.main_library
        return super().save(commit=commit)
