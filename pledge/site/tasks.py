"""Background work for the public site, run by the django-tasks worker."""

from django.conf import settings
from django.core.mail import send_mail
from django.template.loader import render_to_string
from django_tasks import task

from pledge.site.models import DpoEnquiry


@task()
def send_enquiry_acknowledgement(*, enquiry_id: int) -> None:
    """Email the sender of a DPO enquiry its reference and the date we will reply by."""
    enquiry = DpoEnquiry.objects.filter(pk=enquiry_id).first()
    if enquiry is None:
        return
    context = {"enquiry": enquiry, "council": settings.PLEDGE_COUNCIL}
    send_mail(
        subject=f"We have received your message: {enquiry.reference}",
        message=render_to_string("site/email/enquiry_acknowledgement.txt", context),
        from_email=settings.DEFAULT_FROM_EMAIL,
        recipient_list=[enquiry.email],
    )
