"""Synonym lexicons and patterns for PN09-PN16 (UK GDPR Art 13(1)(f), 13(2)(a)-(f); Art 14(2)).

See ``lexicon.py`` for PN01-PN08 and the conventions.
"""

from __future__ import annotations

import re

from .lexicon import rx

# --- PN09 transfers -------------------------------------------------------------------------------
TRANSFER = rx(
    r"United States|(?-i:\bUSA?\b)(?!-)",
    r"data bridge",
    r"Data Privacy Framework",
    r"outside (?:of )?(?:the )?(?:UK|United Kingdom|EEA|European Economic Area|EU|European Union)",
    r"\boverseas\b",
    r"\babroad\b",
    r"international(?:ly)? transfer",
    r"transfer\w* [^.]{0,40}(?:countr|"
    r"international)",
    r"third countr",
    r"adequacy",
    r"standard contractual clauses",
    r"international data "
    r"transfer",
    r"\bIDTA\b",
    r"(?:stored|held|hosted|processed|kept|located) (?:\w+ ){0,3}(?:in|within) the "
    r"(?:UK|United Kingdom)",
    r"UK-based (?:servers|data cent)",
    r"leave the UK",
)
TRANSFER_HEADING = rx(
    r"where in the world",
    r"where (?:we (?:store|keep)|is your (?:data|information))",
    r"international",
    r"overseas",
    r"\btransfers?\b",
)
SAFEGUARD = rx(
    r"adequa(?:cy|te)",
    r"standard contractual clauses",
    r"\bSCCs?\b",
    r"international data transfer "
    r"(?:agreement|addendum)",
    r"\bIDTA\b",
    r"binding corporate rules",
    r"appropriate safeguards",
    r"data bridge",
    r"(?:robust|suitable|appropriate|protective) (?:contracts?|safeguards|protections)",
    r"(?:seen|considered|deemed|regarded) as .?safe",
)
NO_TRANSFER = rx(
    r"United States|(?-i:\bUSA?\b)(?!-)",
    r"data bridge",
    r"Data Privacy Framework",
    r"(?:do not|don't|will not|won't|never|not)\s+(?:be\s+)?(?:transfer|send|sent|store|process|hold|held|"
    r"kept|keep|move)\w*[^.]{0,60}(?:outside|overseas|abroad)",
    r"(?:only|solely|all|always) (?:\w+ ){0,3}(?:stored|held|hosted|processed|kept) (?:\w+ ){0,3}(?:in"
    r"|within) "
    r"the (?:UK|United Kingdom)",
    r"(?:stored|held|hosted|processed|kept) (?:only |solely )?(?:in|within) "
    r"the (?:UK|United Kingdom)(?! and)(?! or)(?![^.]{0,40}\b(?:but|however|except))",
)

# --- PN10 retention -------------------------------------------------------------------------------
RETENTION = rx(
    r"how long",
    r"retention",
    r"\bretain\w*",
    r"kept (?:for|until)",
    r"stored for",
    r"\bkeep (?:\w+ ){0,4}(?:records?|information|data|details|files|images|recordings)\b[^.]{0,40}\b(?:for|"
    r"until|after)\b",
    r"\bkeep (?:it|your|this|the|records?|"
    r"information|personal|data|them)[^.]{0,60}\b(?:for|until|after)\b",
    r"(?:destroy|dispos|delet|eras|"
    r"anonymis|shred)\w*[^.]{0,60}\b(?:after|when|once|at the end|within)\b",
    r"no longer (?:than|needed|"
    r"necessary|required)",
    r"(?:for )?as long as (?:is )?(?:necessary|needed|required|we need)",
    r"\bdisposal\b",
)
RETENTION_HEADING = rx(r"how long", r"retention", r"keeping your", r"keep your", r"\bstorage\b")
PERIOD = rx(
    r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|twenty-"
    r"\w+|thirty|forty|fifty|sixty|seventy|seventy-five|seventy five|ninety|hundred)\s*(?:\+\s*)?(?:full |"
    r"calendar |working )?(?:days?|weeks?|months?|years?|yrs)\b",
    r"\b(?:until|after|once)\b[^.]{0,50}\b(?:closed|ends?|ended|end of|leave|left|reach|reaches|turns?"
    r"|birthday|"
    r"death|dies|finish|complet|no longer (?:receive|use))",
    r"\bdecades\b",
    r"\bindefinitely\b",
    r"\bpermanently\b",
    r"retention (?:schedule|policy|guidelines)",
    r"records? (?:management|retention) "
    r"(?:policy|schedule)",
    r"disposal schedule",
)

# --- PN11 rights ----------------------------------------------------------------------------------
RIGHT_CONTEXT = rx(
    r"\bright",
    r"you (?:can|may|could|also) (?:also )?(?:ask|request|object|have|apply|make|"
    r"challenge|see|get)",
    r"\bask (?:us )?to\b",
    r"\brequest (?:that|to|a copy|access|us)",
    r"entitled",
    r"\bask for\b",
)
RIGHTS_HEADING = rx(
    r"rights", r"what you can do", r"access to (?:your|personal)", r"subject access", r"your choices", r"control"
)
RIGHTS: dict[str, re.Pattern[str]] = {
    "access": rx(
        r"\baccess\b",
        r"copy of (?:the |your |any |all )?(?:information|data|personal|records?)",
        r"subject access",
        r"see (?:the|your) (?:information|records?)",
        r"(?:what|the) (?:information|data) "
        r"(?:we|the council) (?:hold|holds|have)",
    ),
    "rectification": rx(
        r"rectif",
        r"\bcorrect(?:ed|ing|ion)?\b(?! email)",
        r"inaccura",
        r"\bincomplete\b",
        r"\bamend",
        r"change (?:the )?information you think",
    ),
    "erasure": rx(r"\beras", r"\bdelet", r"forgotten", r"remov\w* (?:your )?(?:data|information)"),
    "restriction": rx(r"restrict", r"limit (?:what|how|the use|the processing|our use)", r"\bsuspend"),
    "objection": rx(r"\bobject", r"stop (?:us )?(?:using|processing)", r"direct marketing"),
    "portability": rx(
        r"portab",
        r"transfer(?:red)? to another",
        r"another (?:organisation|provider|controller|service "
        r"provider)",
        r"alternative (?:data )?controller",
        r"machine.readable",
        r"commonly used format",
    ),
    "adm": rx(
        r"automated",
        r"computer.made",
        r"made by a computer",
        r"human (?:intervention|review|involvement)",
        r"reviewed by a (?:member of staff|person)",
        r"profil",
    ),
}

# --- PN12 consent withdrawal ----------------------------------------------------------------------
WITHDRAW = rx(
    r"withdraw\w*[^.]{0,40}consent",
    r"consent[^.]{0,60}withdraw",
    r"(?:remove|revoke|take back|cancel)\w* "
    r"(?:your |that |this )?consent",
    r"change your mind",
)
NO_CONSENT_BASIS = rx(
    r"(?:do not|don't|will not|won't|never|not) (?:rely|ask|depend|need|use)[^.]{0,20}(?:on )?"
    r"(?:your )?consent"
)
OPT_OUT = rx(r"unsubscrib", r"opt[ -]?out\W? of (?:receiving|marketing|newsletters|e-?mails)", r"stop receiving")

# --- PN13 complaints ------------------------------------------------------------------------------
COMPLAIN = rx(
    r"complain",
    r"complaint",
    r"concerns?\b",
    r"unhappy",
    r"dissatisfied",
    r"not (?:happy|satisfied)",
    r"raise (?:a|an|any) (?:issue|matter)",
)
DATA_TERMS = rx(
    r"\bdata\b",
    r"information",
    r"personal",
    r"privacy",
    r"handl",
    r"data protection",
    r"how we (?:use|have "
    r"used|look)",
    r"\bdetails\b",
)
COUNCIL_ROUTE = rx(
    r"complain to (?:us|the council)",
    r"(?:tell|let) us",
    r"get in touch",
    r"\bDPO\b",
    r"data protection officer",
    r"contact",
    r"email",
    r"e-mail",
    r"write",
    r"@",
    r"\bform\b",
    r"complaints? (?:procedure|process|team|policy)",
    r"telephone",
    r"addressed to",
)
ICO_ADVICE = rx(r"advice", r"independent", r"further information", r"more information", r"guidance", r"find out more")
COMPLAINT_HEADING = rx(r"complain", r"concerns?", r"unhappy", r"not happy", r"problems?")

# --- PN14 source ----------------------------------------------------------------------------------
SOURCE_SPECIFIC = rx(
    r"\bfrom\b[^.]{0,50}\b(?:NHS|police|DWP|Department for|HMRC|schools?|GPs?|doctor|hospital|"
    r"employer|landlord|relatives|family members?|friends|neighbours|electoral|credit reference|Land "
    r"Registry|Companies House|Valuation Office|social (?:care|workers?)|health (?:professionals|"
    r"services|bodies)|DVLA|courts?|solicitors?|professionals|housing associations?|(?:district"
    r"|borough|"
    r"county) councils\b|other councils?|other local authorit|government departments?|agencies"
    r"|referr|carers?|"
    r"Home Office|probation|Ofsted)",
    r"from publicly (?:available|accessible)",
    r"publicly (?:available|accessible) (?:sources|records|registers)",
    r"public (?:sources|records)",
    r"(?:only|solely|directly) from you",
    r"from you (?:directly|only)",
    r"referr(?:al|ed) (?:from|by)",
    r"(?:provided|supplied|given|sent|passed) (?:to us )?by (?:the )?(?:NHS|police|DWP|schools?|your "
    r"(?:GP|doctor|employer|landlord))",
    r"(?:records|information|data) held by (?:the )?(?:Department|DWP|"
    r"HMRC|NHS|police|other)",
    r"(?:contact|check with|ask) (?:your )?(?:landlord|GP|doctor|employer|"
    r"school|referees|other councils)[^.]{0,60}(?:check|verify|confirm)",
)
SOURCE_GENERIC = rx(
    r"\bfrom (?:other sources|third parties|other organisations|partner organisations|others|other "
    r"people|elsewhere|other services|external (?:sources|organisations))",
    r"\bsources? of (?:the |your )?"
    r"(?:information|data)",
    r"where we get",
    r"information (?:about you )?(?:that )?(?:we )?receive",
)
SOURCE_HEADING = rx(
    r"\bsources?\b",
    r"where we get",
    r"information (?:we receive|from others|about you from)",
    r"how we (?:get|obtain|collect)",
)

SOURCE_TOPIC = rx(  # "How we collect it: email, phone" is about the method, not the source
    r"\bsources?\b",
    r"where we get",
    r"information (?:we receive|from others|about you from)",
    SOURCE_GENERIC.pattern,
    r"\b(?:get|gets|obtain|obtains|receive|receives|collect|collects)\b(?: \w+){0,5} from\b",
    r"comes? from",
    r"where (?:\w+ ){0,3}from",
)

# --- PN15 requirement and consequences ------------------------------------------------------------
CONSEQUENCE = rx(
    r"(?:if|where|should) you (?:do not|don't|choose not to|decide not to|cannot|can't|refuse to|prefer "
    r"not to) (?:provide|give|supply|share|tell)",
    r"without (?:this|the|your|that|these|such|all the) "
    r"(?:information|details|data)[^.]{0,60}(?:cannot|can't|unable|not be able|may not|won't|will not)",
    r"(?:may|might|will|would) not be able to (?:provide|deliver|process|help|offer|assess|give|consider|"
    r"decide)",
    r"(?:unable|not able) to (?:process|assess|consider) your (?:application|claim|request)",
)
REQUIREMENT = rx(
    r"(?:legal|statutory|contractual) (?:requirement|obligation|duty) (?:for you|on you) to (?:provide|"
    r"give|supply)",
    r"(?:it is|this is|is) a (?:legal|statutory|contractual) requirement",
    r"(?:you are|you're) (?:required|obliged|legally required|under a (?:legal )?(?:duty|"
    r"obligation)) (?:by law )?to (?:provide|give|supply|tell|register)",
    r"(?:law|legislation|regulations) "
    r"(?:requires|require|says) (?:you|that you) (?:to )?(?:provide|give|must)",
    r"you (?:must|have to) "
    r"(?:provide|give|supply|tell)[^.]{0,60}(?:law|contract|legislation|statutory)",
    r"(?:will|would) need to "
    r"provide us with (?:this |the |some )?information because you want to enter into a contract",
    r"you (?:do not|don't) have to (?:provide|give|tell)",
    r"\b(?:is|are) (?:entirely )?(?:optional|"
    r"voluntary)\b",
)
REQUIREMENT_HINT = rx(
    r"voluntar",
    r"(?:if|where) you choose to (?:give|provide)",
    r"choose to give us",
    r"you (?:must|have to|will need to|need to) (?:provide|give|supply|tell)",
    r"mandatory",
    r"compulsory",
    r"what information we need from you",
)

# --- PN16 automated decisions ---------------------------------------------------------------------
ADM = rx(
    r"automated decision",
    r"automated (?:processing|means|tools?|systems?|scoring)",
    r"decisions? (?:\w+ ){0,4}"
    r"(?:by a computer|automatically|by computer|without (?:any )?human)",
    r"computer.made",
    r"solely automated",
    r"\bprofil(?:e|es|ed|ing)\b",
    r"algorithm",
    r"artificial intelligence",
    r"\bAI\b",
    r"machine learning",
)
ADM_HEADING = rx(r"automated", r"profiling", r"computer decisions")
ADM_TOPIC = re.compile(rf"^(?!.*\bright)(?:.*(?:{ADM.pattern}|{ADM_HEADING.pattern}))", re.I)
ADM_NONE = rx(
    r"(?:we|council|it)\s+(?:do|does|will|would)?\s*(?:not|never)\b[^.]{0,60}(?:automated|profil|by a"
    r" computer"
    r"|algorithm)",
    r"we don't[^.]{0,60}(?:automated|profil|by a computer)",
    r"\bno (?:decisions|automated|"
    r"profiling)\b",
    r"not (?:make|use|carry out) (?:any )?(?:automated|profil)",
    r"(?:none|no decisions) "
    r"[^.]{0,40}(?:solely|automat)",
    r"(?:are|is) (?:never|not) made (?:solely )?(?:automatically|by (?:a )?"
    r"computer)",
)
CONDITIONAL = rx(
    r"^\W*(?:if|where|when|should|in the event)\b",
    r"\bif (?:and when )?(?:we|the council)\b",
    r"\bwhere we (?:use|make|carry)",
    r"\byou will be (?:told|informed)",
)
# A labelled value ("Automated decisions: When DWP sends a change, the system recalculates...") describes
# how the decision is made; only a conditional about whether automated decisions exist at all counts.
LABEL_CONDITIONAL = rx(
    r"^\W*(?:if|where|should|in the event)\b[^.]{0,60}(?:automat|profil|computer|algorithm)",
    r"\bif (?:and when )?(?:we|the council)\b",
    r"\bwhere we (?:use|make|carry)",
    r"\byou will be (?:told|informed)",
)
ADM_EXISTS = rx(
    r"(?:we|the council|our (?:system|software))\b[^.]{0,30}\b(?:use|uses|make|makes|carry out|carries out|"
    r"run|runs|operate|operates|apply|applies)\b[^.]{0,40}(?:automated|profil|algorithm|scor|computer)",
    r"decisions? (?:are|is) made (?:automatically|by (?:a )?computer)",
    r"(?:automatically|automated) "
    r"(?:assess|check|calculate|decide|score|award|refuse|reject)\w*",
)
ADM_LOGIC = rx(
    r"based on",
    r"\busing\b",
    r"looks? at",
    r"takes? into account",
    r"consider",
    r"\bscor",
    r"criteria",
    r"logic",
    r"factors",
    r"\bmeans\b",
    r"consequence",
    r"\beffect",
    r"human",
    r"member of staff",
    r"review",
    r"challenge",
    r"contest",
    r"representations",
    r"intervention",
)

# --- everywhere -----------------------------------------------------------------------------------
COOKIE_SECTION = rx(r"cookie", r"embedded content", r"links to other")
