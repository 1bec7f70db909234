"""Model fields of the booklets app."""

from django.db import models
from wagtail_localize.segments import StringSegmentValue


def text_lines(value: str | None) -> list[str]:
    """The non-blank lines of `value`, stripped: the items of a LinesField."""
    return [line.strip() for line in (value or "").splitlines() if line.strip()]


class LinesField(models.TextField):
    """Plain text holding one item per line (a module's learning objectives).

    wagtail-localize would offer the whole text as one segment, its lines joined by a
    literal `<br/>` that translators see and must keep. Here each line is a segment of
    its own, and the translated lines are joined back with newlines. In the database and
    in migrations it is a plain TextField."""

    def get_translatable_segments(self, value):
        return [
            StringSegmentValue(str(index), line) for index, line in enumerate(text_lines(value))
        ]

    def restore_translated_segments(self, value, segments):
        translated = {
            segment.path: segment.render_text()
            for segment in segments
            if isinstance(segment, StringSegmentValue)
        }
        return "\n".join(
            translated.get(str(index), line) for index, line in enumerate(text_lines(value))
        )

    def deconstruct(self):
        name, _path, args, kwargs = super().deconstruct()
        return name, "django.db.models.TextField", args, kwargs
