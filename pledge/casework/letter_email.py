"""The worker's half of emailing a letter: the frozen text as the body and the same letter as a PDF attachment."""

from django.conf import settings
from django.core.mail import EmailMessage
from django_tasks import task

from pledge.casework.letters import blocks_pdf, text_to_blocks
from pledge.casework.models import IssuedLetter, LetterDelivery


def letter_email(letter: IssuedLetter) -> EmailMessage:
    """The email for an issued letter: its text as sent, with that text as a PDF; nothing else is attached."""
    message = EmailMessage(
        subject=letter.subject, body=letter.body, from_email=settings.DEFAULT_FROM_EMAIL, to=[letter.sent_to]
    )
    pdf = blocks_pdf(blocks=text_to_blocks(letter.body), case=letter.case, title=letter.subject)
    message.attach(f"{letter.case.reference}-{letter.kind}.pdf", pdf, "application/pdf")
    return message


@task()
def email_issued_letter(*, letter_id: int) -> int:
    """Email an issued letter to the address it was issued to; returns the number of emails sent (0 or 1)."""
    letter = IssuedLetter.objects.select_related("case").filter(pk=letter_id, delivery=LetterDelivery.EMAIL).first()
    if letter is None or not letter.sent_to:
        return 0
    return letter_email(letter).send()
