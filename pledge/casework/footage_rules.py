"""What a CCTV request's response waits for: the footage retrieved (or found not to be available), and other people
in preserved footage dealt with (ICO CCTV guidance: disclose the requester's images, not other people's)."""

from pledge.casework.footage_models import FootageScope
from pledge.casework.models import Case, CaseKind


def unrecorded_footage_step(case: Case) -> str:
    """Why the response cannot be recorded yet because of the footage, or "" when nothing is outstanding."""
    if case.kind != CaseKind.ACCESS_CCTV:
        return ""
    scope = FootageScope.objects.filter(case=case).first()
    if scope is None:
        return ""
    if not scope.retrieval:
        return "Record whether the CCTV footage was retrieved and preserved, or refuse the request"
    if scope.needs_third_party_step:
        return "Record whether other people or vehicles are visible in the footage, or refuse the request"
    return ""
