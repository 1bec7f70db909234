"""Dates in Spanish as people say them (settings.FORMAT_MODULE_PATH). What is not here
comes from Django's own Spanish formats; form fields keep their input formats."""

DATE_FORMAT = r"l j \d\e F \d\e Y"  # lunes 30 de noviembre de 2026
DATETIME_FORMAT = r"l j \d\e F \d\e Y, H:i"  # lunes 30 de noviembre de 2026, 18:00
SHORT_DATE_FORMAT = r"j \d\e F \d\e Y"  # 30 de noviembre de 2026
# Sessions, deadlines and notes are near in time: the day and the hour, no year.
SHORT_DATETIME_FORMAT = r"l j \d\e F, H:i"  # lunes 30 de noviembre, 18:00
MONTH_DAY_FORMAT = r"l j \d\e F"  # lunes 30 de noviembre
TIME_FORMAT = "H:i"
