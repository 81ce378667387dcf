"""The centres' time zone: sessions, schedules, calendars and feeds are read and written in Paris time.

One constant for the whole project (TIME_ZONE and CELERY_TIMEZONE are set from it too), so that
the agenda, iCalendar, podcast dates, scheduled sends and the demo never disagree on an hour.
"""

from zoneinfo import ZoneInfo

PARIS_TIME_ZONE_NAME = "Europe/Paris"
PARIS = ZoneInfo(PARIS_TIME_ZONE_NAME)
