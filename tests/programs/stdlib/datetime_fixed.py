# datetime with fixed dates only (no clock).
from datetime import date, datetime, timedelta, timezone
d = date(2024, 2, 28)
print(d + timedelta(days=1), d + timedelta(days=2), d.weekday(), d.isoformat(), d.strftime("%d/%m/%Y %A"))
dt = datetime(2023, 12, 31, 23, 59, 30)
print(dt + timedelta(seconds=45), (datetime(2024, 1, 1) - dt).total_seconds(), dt.isoformat(), repr(dt))
print(timedelta(days=1, hours=25, minutes=-30), timedelta(weeks=2) // timedelta(days=3), str(timedelta(seconds=-1)))
aware = datetime(2024, 6, 1, 12, tzinfo=timezone.utc)
print(aware, aware.astimezone(timezone(timedelta(hours=-5))), aware.timestamp())
print(datetime.fromisoformat("2024-03-15T10:20:30"), date.fromordinal(738000), date(2000, 1, 1).toordinal())
print(datetime.strptime("2021-07-04 08:00", "%Y-%m-%d %H:%M"), date(2024, 1, 1) < date(2024, 1, 2))
