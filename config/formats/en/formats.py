"""Dates in English as people say them (settings.FORMAT_MODULE_PATH), day before
month as in the Spanish pages. What is not here comes from Django's English formats."""

DATE_FORMAT = "l j F Y"  # Monday 30 November 2026
DATETIME_FORMAT = "l j F Y, H:i"  # Monday 30 November 2026, 18:00
SHORT_DATE_FORMAT = "j F Y"  # 30 November 2026
# Sessions, deadlines and notes are near in time: the day and the hour, no year.
SHORT_DATETIME_FORMAT = "l j F, H:i"  # Monday 30 November, 18:00
MONTH_DAY_FORMAT = "l j F"  # Monday 30 November
TIME_FORMAT = "H:i"
