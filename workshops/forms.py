from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from workshops.models import FacilitatorNote, SeminarExercise

DATE_INPUT = forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d")
DATETIME_INPUT = forms.DateTimeInput(attrs={"type": "datetime-local"}, format="%Y-%m-%dT%H:%M")


class CohortForm(forms.Form):
    name = forms.CharField(label=_("Name of the group"), max_length=120)
    language = forms.ChoiceField(label=_("Language"), choices=settings.LANGUAGES)
    booklets = forms.MultipleChoiceField(
        label=_("Booklets studied"), widget=forms.CheckboxSelectMultiple
    )
    starts_on = forms.DateField(label=_("Starts on"), widget=DATE_INPUT)
    ends_on = forms.DateField(label=_("Ends on"), required=False, widget=DATE_INPUT)

    def __init__(self, *args, booklet_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["booklets"].choices = booklet_choices


class InvitationForm(forms.Form):
    valid_days = forms.IntegerField(
        label=_("Valid for (days)"), min_value=1, max_value=90, initial=14
    )
    max_uses = forms.IntegerField(
        label=_("How many people can use it"), min_value=1, max_value=500, initial=20
    )


class JoinForm(forms.Form):
    code = forms.CharField(
        label=_("Invitation code"),
        max_length=32,
        help_text=_("The code your facilitator gave you, for example KX7P2M9QRT."),
        widget=forms.TextInput(attrs={"autocomplete": "off", "autocapitalize": "characters"}),
    )


class SessionForm(forms.Form):
    starts_at = forms.DateTimeField(label=_("Date and time"), widget=DATETIME_INPUT)
    duration_minutes = forms.IntegerField(
        label=_("Duration (minutes)"), min_value=15, max_value=600, initial=180
    )
    place = forms.CharField(label=_("Place"), max_length=200, required=False)
    call_link = forms.URLField(
        label=_("Call link"),
        required=False,
        assume_scheme="https",
        help_text=_("For sessions held online."),
    )
    modules = forms.MultipleChoiceField(
        label=_("Modules covered"), widget=forms.CheckboxSelectMultiple, required=False
    )

    def __init__(self, *args, module_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["modules"].choices = module_choices

    def clean(self):
        cleaned = super().clean()
        if not cleaned.get("place") and not cleaned.get("call_link"):
            raise forms.ValidationError(_("Give a place or a call link, so people can come."))
        return cleaned


class AgendaItemForm(forms.Form):
    title = forms.CharField(label=_("Activity"), max_length=200, required=False)
    minutes = forms.IntegerField(label=_("Minutes"), min_value=1, max_value=600, required=False)
    method = forms.CharField(label=_("Method"), max_length=200, required=False)

    def clean(self):
        cleaned = super().clean()
        if cleaned.get("title") and not cleaned.get("minutes"):
            self.add_error("minutes", _("How many minutes does it take?"))
        return cleaned


AgendaFormSet = forms.formset_factory(AgendaItemForm, extra=4, max_num=30)


class ExerciseForm(forms.ModelForm):
    module_key = forms.ChoiceField(label=_("Linked module"), required=False)

    class Meta:
        model = SeminarExercise
        fields = ["title", "prompt", "module_key", "due_at", "visibility", "anonymous_to_peers"]
        widgets = {"due_at": DATETIME_INPUT, "visibility": forms.RadioSelect}

    def __init__(self, *args, module_choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["module_key"].choices = [("", "—"), *module_choices]

    def clean_module_key(self):
        return self.cleaned_data["module_key"] or None


class ResponseForm(forms.Form):
    body = forms.CharField(
        label=_("Your answer"),
        required=False,
        max_length=50_000,
        widget=forms.Textarea(attrs={"rows": 14, "data-autosave": "true"}),
        # Whether it saves as you write is said beside the buttons, by the script that
        # does it: without JavaScript it does not.
        help_text=_(
            "For bold, put two asterisks on each side: **like this**. "
            "For a list, start each line with a dash and a space."
        ),
    )


class FeedbackForm(forms.Form):
    body = forms.CharField(
        label=_("Feedback"), max_length=20_000, widget=forms.Textarea(attrs={"rows": 5})
    )


class NoteForm(forms.Form):
    about = forms.ChoiceField(label=_("About"), choices=FacilitatorNote.About.choices)
    session = forms.TypedChoiceField(
        label=_("Session"), required=False, coerce=int, empty_value=None
    )
    participant = forms.TypedChoiceField(
        label=_("Participant"), required=False, coerce=int, empty_value=None
    )
    text = forms.CharField(
        label=_("Note"),
        max_length=20_000,
        widget=forms.Textarea(attrs={"rows": 8}),
        help_text=_("Only this group's facilitators can read it. It is stored encrypted."),
    )
    version = forms.IntegerField(widget=forms.HiddenInput, required=False)

    def __init__(self, *args, sessions, participants, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["session"].choices = [("", "—"), *sessions]
        self.fields["participant"].choices = [("", "—"), *participants]

    def clean(self):
        cleaned = super().clean()
        about = cleaned.get("about")
        if about == FacilitatorNote.About.SESSION and not cleaned.get("session"):
            self.add_error("session", _("Choose the session this note is about."))
        if about == FacilitatorNote.About.PARTICIPANT and not cleaned.get("participant"):
            self.add_error("participant", _("Choose the participant this note is about."))
        return cleaned
