"""When the council must reply to a message sent to its Data Protection Officer. No Django imports."""

from datetime import date, timedelta

DEFAULT_RESPONSE_DAYS = 30


def enquiry_respond_by(*, received_on: date, response_days: int = DEFAULT_RESPONSE_DAYS) -> date:
    """The date a reply is due: ``response_days`` calendar days after the day the message arrived.

    Thirty days matches the acknowledgement period for data protection complaints (DPA 2018 s.164A(2))
    and sits inside the one-month limit for requests under UK GDPR Art 12(3), so one promise covers
    every kind of message the form receives.
    """
    if response_days < 1:
        raise ValueError("response_days must be at least 1")
    return received_on + timedelta(days=response_days)
