"""The regimes that share the case engine, and what differs between them: the clock, the dates shown, whether the
clock can be extended or paused, the states a case moves through and the letters it sends.

One case table holds every kind; each kind belongs to exactly one regime, and code that differs by regime asks
``regime_for(kind)`` instead of testing kinds itself:

- UK GDPR rights requests (Arts 12, 15-22): one month, extendable by two (Art 12(3)), paused for clarification of
  an access request (Art 12A(5)).
- DPA 2018 s.164A complaints and suggestions: acknowledge within 30 days from the day after receipt; no extension,
  no pause; the outcome "without undue delay" (s.164A(4)).
- FOI (FOIA 2000 s.10) and EIR (2004 reg 5): declared here so the next regime plugs into the same seam; they have
  no case kinds or clock yet (``pledge.law.foi`` holds the working-day arithmetic they will use).
"""

from collections.abc import Callable, Mapping
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from pledge.casework.complaint_clock import complaint_deadline
from pledge.casework.models import CaseKind, ComplaintKind
from pledge.casework.rights_clock import NOT_EXTENDABLE, rights_clock_stops_for_clarification, rights_deadline
from pledge.casework.states import TRANSITIONS, CaseState, IllegalTransitionError
from pledge.law.deadlines import Deadline

if TYPE_CHECKING:
    from pledge.casework.models import Case


class Regime(StrEnum):
    RIGHTS = "uk_gdpr_rights"
    COMPLAINT = "dpa_s164a_complaint"
    FOI = "foi"  # Freedom of Information Act 2000: declared, not yet in use
    EIR = "eir"  # Environmental Information Regulations 2004: declared, not yet in use


class Shown(StrEnum):
    """A date a regime's case page and dashboard show, taken from the case's ``Deadline``."""

    DUE = "due"  # the response (rights) or acknowledgement (complaints) deadline
    EXTENSION_NOTICE_BY = "extension_notice_by"  # the last day to tell the requester of an extension


_S = CaseState
# s.164A: the investigation starts on receipt (ICO), the outcome letter answers the complaint, then it is closed.
# Acknowledging is a dated record, not a state: a complaint resolved inside the period needs none.
COMPLAINT_TRANSITIONS: dict[CaseState, frozenset[CaseState]] = {
    _S.RECEIVED: frozenset({_S.IN_PROGRESS, _S.RESPONDED, _S.WITHDRAWN}),
    _S.IN_PROGRESS: frozenset({_S.RESPONDED, _S.WITHDRAWN}),
    _S.RESPONDED: frozenset({_S.CLOSED}),
    _S.CLOSED: frozenset(),
    _S.WITHDRAWN: frozenset(),
}


@dataclass(frozen=True)
class RegimeRules:
    """What one regime means for a case of one of its kinds."""

    regime: Regime
    title: str
    law: str
    kinds: frozenset[str]
    noun: str  # "request" or "complaint": the word in audit summaries and messages
    reference_prefix: str
    clock: Callable[["Case"], Deadline] | None  # None only for a regime declared but not yet in use
    shown: tuple[Shown, ...]
    extendable_kinds: frozenset[str]
    pausable: bool  # whether asking for clarification can stop the clock (the law decides per kind and date)
    transitions: Mapping[CaseState, frozenset[CaseState]]
    letter_kinds: tuple[str, ...]  # values of the letters the regime sends (``IssuedLetter.kind``)
    case_page: str  # the URL name of the staff page for one case, taking ``pk``

    @property
    def in_use(self) -> bool:
        return self.clock is not None and bool(self.kinds)

    def deadline(self, case: "Case") -> Deadline:
        """The case's clock; ValueError for a regime with no clock yet."""
        if self.clock is None:
            raise ValueError(f"The {self.title} regime has no clock yet")
        return self.clock(case)

    def can_extend(self, kind: str) -> bool:
        return kind in self.extendable_kinds

    def can_move(self, from_state: str, to_state: str) -> bool:
        """True when this regime lets a case in ``from_state`` move to ``to_state``; unknown states raise ValueError."""
        return CaseState(to_state) in self.transitions.get(CaseState(from_state), frozenset())

    def check_move(self, from_state: str, to_state: str) -> CaseState:
        """The target state when allowed, else ``IllegalTransitionError``."""
        if not self.can_move(from_state, to_state):
            raise IllegalTransitionError(CaseState(from_state), CaseState(to_state))
        return CaseState(to_state)

    def clock_stops_for_clarification(self, case: "Case") -> bool:
        return self.pausable and rights_clock_stops_for_clarification(case)


# The values of ``letters.LetterKind`` (not imported: letters needs the clock, which needs this module).
RIGHTS_LETTER_KINDS = ("acknowledgement", "id_request", "clarification", "extension", "refusal", "response")
COMPLAINT_LETTER_KINDS = ("complaint_acknowledgement", "complaint_progress", "complaint_outcome")

RIGHTS_REQUEST_KINDS: frozenset[str] = frozenset(CaseKind.values)
COMPLAINT_KINDS: frozenset[str] = frozenset(ComplaintKind.values)

REGIMES: dict[Regime, RegimeRules] = {
    Regime.RIGHTS: RegimeRules(
        regime=Regime.RIGHTS,
        title="UK GDPR rights request",
        law="UK GDPR Arts 12, 15-22; DPA 2018",
        kinds=RIGHTS_REQUEST_KINDS,
        noun="request",
        reference_prefix="RR",
        clock=rights_deadline,
        shown=(Shown.DUE, Shown.EXTENSION_NOTICE_BY),
        extendable_kinds=RIGHTS_REQUEST_KINDS - NOT_EXTENDABLE,
        pausable=True,
        transitions=TRANSITIONS,
        letter_kinds=RIGHTS_LETTER_KINDS,
        case_page="cases:case",
    ),
    Regime.COMPLAINT: RegimeRules(
        regime=Regime.COMPLAINT,
        title="Data protection complaint",
        law="DPA 2018 s.164A",
        kinds=COMPLAINT_KINDS,
        noun="complaint",
        reference_prefix="DPC",
        clock=complaint_deadline,
        shown=(Shown.DUE,),
        extendable_kinds=frozenset(),
        pausable=False,
        transitions=COMPLAINT_TRANSITIONS,
        letter_kinds=COMPLAINT_LETTER_KINDS,
        case_page="complaints:complaint",
    ),
    Regime.FOI: RegimeRules(
        regime=Regime.FOI,
        title="Freedom of information request",
        law="FOIA 2000 s.10",
        kinds=frozenset(),
        noun="request",
        reference_prefix="FOI",
        clock=None,
        shown=(Shown.DUE,),
        extendable_kinds=frozenset(),
        pausable=True,
        transitions=TRANSITIONS,
        letter_kinds=(),
        case_page="",
    ),
    Regime.EIR: RegimeRules(
        regime=Regime.EIR,
        title="Environmental information request",
        law="EIR 2004 regs 5 and 7",
        kinds=frozenset(),
        noun="request",
        reference_prefix="EIR",
        clock=None,
        shown=(Shown.DUE,),
        extendable_kinds=frozenset(),
        pausable=True,
        transitions=TRANSITIONS,
        letter_kinds=(),
        case_page="",
    ),
}

_BY_KIND: dict[str, RegimeRules] = {kind: rules for rules in REGIMES.values() for kind in rules.kinds}


def regime_for(kind: str) -> RegimeRules:
    """The regime a case kind belongs to; ValueError for a kind no regime claims."""
    try:
        return _BY_KIND[str(kind)]
    except KeyError:
        raise ValueError(f"{kind!r} is not a kind of case") from None


def kinds_of(regime: Regime) -> frozenset[str]:
    """The case kinds of one regime, for queries that must not mix regimes (a rights dashboard, complaint figures)."""
    return REGIMES[regime].kinds
