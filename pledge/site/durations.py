"""Plain-English lengths of time, for telling people how long a cookie lasts. No Django imports."""

DAY = 24 * 3600


def describe_duration(seconds: int) -> str:
    """'2 days', '2 weeks', '1 year': whole weeks and days as people say them; hours below a day."""
    days, remainder = divmod(seconds, DAY)
    if days >= 364 and remainder == 0:
        years = round(days / 365.25) or 1
        return _plural(years, "year")
    if days and remainder == 0:
        if days % 7 == 0:
            return _plural(days // 7, "week")
        return _plural(days, "day")
    hours = max(1, round(seconds / 3600))
    if hours >= 24:
        return _plural(round(seconds / DAY), "day")
    return _plural(hours, "hour")


def _plural(count: int, unit: str) -> str:
    return f"{count} {unit}" if count == 1 else f"{count} {unit}s"
