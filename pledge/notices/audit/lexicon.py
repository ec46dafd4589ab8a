"""Synonym lexicons and patterns for the Art 13/14 checklist items (PN01-PN16).

Each item has *cues* (the sentence is about the item), *headings* (the section is about the item)
and *strength* patterns that separate ``found`` from ``unclear`` (see ``checklist.py``).
Patterns are compiled case-insensitive unless noted.
"""

from __future__ import annotations

import re


def rx(*alternatives: str) -> re.Pattern[str]:
    """Compile alternatives into one case-insensitive pattern."""
    return re.compile("|".join(f"(?:{a})" for a in alternatives), re.I)


# --- contact routes (Art 13(1)(a)-(b)) -----------------------------------------------------------
EMAIL = re.compile(r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)+")
PHONE = re.compile(r"(?<!\d)(?:\+44\s?\(?0?\)?\s?|0)\d{2,4}[\s-]?\d{3,4}[\s-]?\d{3,4}(?!\d)")
POSTCODE = re.compile(r"\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b")
FORM = rx(r"\b(?:online|contact|web|complaints?|enquiry) form", r"complete (?:a|our|the) form", r"form on our website",
          r"\bmy account\b")
CONTACT_ROUTE = rx(EMAIL.pattern, PHONE.pattern, POSTCODE.pattern, FORM.pattern)
ICO = rx(r"information commissioner", r"\bICO\b")
COUNCIL_NAME = re.compile(
    r"\b(?:[A-Z][\w'’&-]+ ){1,4}(?:(?:County|Borough|District|City|Town|Parish|Metropolitan|Unitary|Combined) )?"
    r"(?:Council|Authority)\b"
)
CONTROLLER = rx(r"data controller", r"\bcontroller\b", r"who we are", r"responsible for (?:looking after )?(?:your|the) "
                r"(?:personal )?(?:data|information)")
CONTACT_CUE = rx(r"contact (?:us|the council|our)", r"write to", r"email us", r"e-mail us", r"call us", r"phone us",
                 r"telephone", r"our address", r"by post", r"\bvisit us", r"get in touch")

# --- PN02 representative --------------------------------------------------------------------------
REPRESENTATIVE = rx(r"\b(?:UK|EU|EEA|our|a) representative\b", r"\bArticle 27\b", r"representative (?:in|for) the "
                    r"(?:UK|EU|United Kingdom|European Union)")
NOT_REPRESENTATIVE = rx(r"legal representative", r"your representative", r"elected representative",
                        r"representative of (?:the )?(?:deceased|person|family)")
NO_REPRESENTATIVE = rx(r"(?:not|no need)[^.]{0,40}(?:appoint|have|need)[^.]{0,20}representative",
                       r"representative[^.]{0,60}(?:not (?:required|needed|apply|relevant)|does not apply)")

# --- PN03 DPO -------------------------------------------------------------------------------------
DPO = rx(r"data protection officer", r"\bDPO\b", r"data\.?protection\.?officer@")

# --- PN04 purposes --------------------------------------------------------------------------------
PURPOSE = rx(
    r"\bwe (?:will |may |might |also |only |would |need to |can )?(?:use|process|collect|need|hold|keep|record|ask for)"
    r"\w*\b[^.]{0,80}?\b(?:to|for|so that|in order to|because)\b",
    r"\bpurposes?\b", r"why we (?:need|collect|use|process|hold|ask)", r"\bused (?:to|for)\b", r"so (?:that )?we can",
    r"\bhelps? us (?:to )?\w+", r"^\W*to [a-z]+\b", r"\buses? (?:your |personal )+(?:information|data|details) (?:to|for)\b",
)
NOT_PURPOSE = rx(r"purposes? of (?:the )?(?:Data Protection|Act|GDPR|UK GDPR|this (?:notice|policy))",
                 r"for (?:the )?purposes? of (?:direct marketing|marketing)")
PURPOSE_HEADING = rx(r"\b(?:how|why) (?:we|do we|the council|does the council|will we) (?:use|need|collect|process|"
                     r"hold|ask)", r"purpose", r"^why\b", r"what we (?:do|use)", r"information use", r"uses? (?:of|your) (?:your )?"
                     r"(?:information|data)", r"how (?:your|the) (?:information|data) (?:is|will be) used")
GENERIC_PURPOSE = rx(r"^\W*(?:we|the council)?[^.]{0,40}\b(?:provide|deliver)\w* (?:you with )?(?:a |the |our |its )?"
                     r"services?\W*$")

# --- PN05 lawful basis ----------------------------------------------------------------------------
NAMED_BASIS = rx(r"public task", r"official authority", r"task (?:carried out )?in the public interest",
                 r"\b6\s?\(1\)\s?\(?[a-f]\b", r"article 6\s?\(1\)\s?\(?[a-f]", r"vital interests?",
                 r"performance of a contract", r"necessary for (?:the )?(?:performance of )?(?:a|our|the) contract",
                 r"(?:comply|compliance) with (?:a|our|the|its) legal obligations?",
                 r"legal obligations? (?:under|to comply|placed|imposed)", r"(?:rely|relies|based|basis) on (?:your )?consent",
                 r"(?:lawful|legal) basis (?:is|we rely on is) (?:your |our )?(?:consent|public|legal|contract)")
BASIS_MENTION = rx(r"lawful bas[ie]s", r"legal bas[ie]s", r"basis (?:for|of) (?:the )?processing", r"article 6\b",
                   r"statutory (?:duty|duties|obligations?|functions?|powers|services)", r"legal (?:duty|duties|powers)",
                   r"(?:legislation|the law) (?:allows|requires|permits)", r"legally (?:obliged|required)",
                   r"how the law allows")
SPECIAL = rx(r"special categor", r"sensitive (?:personal )?(?:data|information)", r"health (?:data|information|records?)",
             r"\bethnic", r"religio", r"sexual (?:orientation|life|health)", r"biometric", r"genetic", r"trade union")
SPECIAL_CONDITION = rx(r"article 9", r"art\.? 9", r"\b9\s?\(2\)", r"schedule 1", r"substantial public interest",
                       r"explicit consent", r"social (?:care|protection|security)", r"employment", r"public health",
                       r"legal claims", r"preventive or occupational medicine", r"safeguarding", r"vital interests")

# --- PN06 legitimate interests --------------------------------------------------------------------
LEGIT = re.compile(r"(?<!recognised )legitimate interests?", re.I)
LEGIT_DESCRIBED = rx(r"legitimate interests? (?:is|are|include|includes|namely|such as|in \w+ing|being)\b",
                     r"legitimate interests?\s?:", r"legitimate interests? (?:of|in) (?:keeping|making|ensuring|promoting|"
                     r"running|managing|protecting|improving)")
LEGIT_NONE = rx(r"(?:not|never|cannot|can't)\b[^.]{0,40}\b(?:rely|use|relied)[^.]{0,30}legitimate interests?",
                r"legitimate interests?[^.]{0,60}(?:not (?:available|used|relied)|cannot (?:be )?(?:use|rel))")

# --- PN07 categories of data ----------------------------------------------------------------------
DATA_TYPES: dict[str, re.Pattern[str]] = {
    "name": re.compile(r"\b(?:your |full |first |sur)?names?\b(?! and contact details of)", re.I),
    "address": re.compile(r"(?<!email )(?<!e-mail )(?<!\bip )(?<!web )\b(?:home |postal )?address(?:es)?\b", re.I),
    "email": re.compile(r"\be-?mail address", re.I),
    "phone": re.compile(r"\b(?:tele)?phone numbers?|mobile numbers?|contact numbers?", re.I),
    "birth": re.compile(r"date of birth|\bage\b", re.I),
    "ni": re.compile(r"national insurance|\bNI number|NHS number", re.I),
    "financial": re.compile(r"bank (?:details|account)|financial|income|benefits?|payment (?:card|details)|savings", re.I),
    "health": re.compile(r"\bhealth|medical|disabilit|care needs", re.I),
    "equality": re.compile(r"ethnic|religio|sexual|gender|\bsex\b|nationality|language", re.I),
    "images": re.compile(r"photo|images?\b|footage|recordings?|voice", re.I),
    "vehicle": re.compile(r"vehicle|number plates?|registration (?:number|mark)", re.I),
    "online": re.compile(r"\bIP address|device|browser|location data", re.I),
    "usage": re.compile(r"pages (?:you )?(?:visit|view)|browsing|search(?:es| terms)", re.I),
    "household": re.compile(r"household|family|dependants|children'?s? details|next of kin|tenancy", re.I),
    "criminal": re.compile(r"criminal|offences?|convictions?", re.I),
    "tax": re.compile(r"council tax (?:account|reference)|property|occupancy|discounts?", re.I),
    "employment": re.compile(r"employ(?:er|ment)|occupation|job", re.I),
}
CATEGORY_CUE = rx(r"categor(?:y|ies) of (?:personal )?(?:data|information)", r"types? of (?:personal )?(?:data|information)",
                  r"(?:information|data|details) (?:we|the council) (?:will |may |might )?(?:collect|hold|process|use|"
                  r"record|keep|ask for|capture|need)", r"what (?:personal )?(?:information|data) (?:we|do we|is)",
                  r"\bwe (?:will |may |might )?(?:collect|record|hold|ask for|capture) (?:your|the following|"
                  r"details|information|data|personal)", r"(?:include|including|such as|for example|e\.g\.)[^.]{0,30}"
                  r"(?:your )?(?:name|address|date of birth)")
CATEGORY_HEADING = rx(r"what (?:personal )?(?:information|data)", r"what (?:we|do we) (?:record|hold|collect|use|keep|process)", r"(?:information|data) (?:we|the council) (?:collect|hold|"
                      r"use|process|record)", r"categor", r"types of (?:information|data)", r"information (?:you give|"
                      r"we (?:need|ask|may collect))")

# --- PN08 recipients ------------------------------------------------------------------------------
SHARE = rx(r"\bshar(?:e|es|ed|ing)\b", r"\b(?:given|sold|supplied|provided|sent|passed|disclosed) (?:\w+ ){0,3}to\b", r"\bdisclos\w*", r"pass(?:ed|es|ing)? (?:it |this |your \w+ |personal \w+ )?"
           r"(?:on|to)\b", r"\brecipients?\b", r"\bprocessors?\b", r"\bon (?:our|its) behalf\b", r"give (?:it|your "
           r"(?:information|details|data)|this information) to", r"send (?:it|your (?:information|details|data)) to",
           r"(?:provide|supply) (?:it|your (?:information|details|data)|information) to")
SHARE_HEADING = rx(r"shar", r"disclos", r"recipient", r"who (?:receives|gets|sees)", r"who (?:we|do we|will we) (?:give|pass|share|send)", r"third part",
                   r"who (?:sees|has access|can see)")
RECIPIENT = rx(r"police", r"\bNHS\b", r"\bhealth\b", r"\bDWP\b", r"Department for (?:Work|Education|Transport)",
               r"\bHMRC\b", r"Revenue and Customs", r"Cabinet Office", r"National Fraud", r"\bcourts?\b", r"\bschools?\b",
               r"other (?:local authorit|councils?|public (?:bodies|sector|authorities)|government)",
               r"government (?:departments?|bodies|agencies)", r"contractors?", r"suppliers?", r"(?:service|care|IT|"
               r"software|mailing) providers?", r"\bprocessors?\b", r"partner (?:organisations|agencies)",
               r"(?:district|borough|county|town|parish|city) councils\b", r"fire (?:and rescue|service)", r"ambulance",
               r"Ofsted", r"Care Quality", r"credit reference", r"debt (?:recovery|collect)", r"enforcement agent",
               r"bailiff", r"auditors?", r"regulators?", r"emergency services", r"housing associations?",
               r"\bcharit", r"Ombudsman", r"councillors?", r"\bMPs?\b", r"insurers?", r"solicitors?", r"Valuation "
               r"Office", r"Electoral", r"Land Registry", r"DVLA", r"Home Office", r"probation", r"social workers?",
               r"Royal Mail", r"printers?", r"on our behalf", r"other (?:council )?(?:services|departments|teams)",
               r"Google", r"Microsoft", r"Mailchimp|GovDelivery|Granicus")
NO_SHARING = rx(r"(?:do not|don't|will not|won't|never|not) (?:share|disclose|pass|give|sell or share)[^.]{0,60}"
                r"(?:anyone|any other|other (?:organisations|people)|third parties|outside the council)")
EXCEPTION = rx(r"\bunless\b", r"\bexcept\b", r"\bother than\b", r"\bwithout your (?:consent|permission)\b")

# --- PN09 transfers -------------------------------------------------------------------------------
TRANSFER = rx(r"United States|\bUSA?\b(?!-)", r"data bridge", r"Data Privacy Framework", r"outside (?:of )?(?:the )?(?:UK|United Kingdom|EEA|European Economic Area|EU|European Union)",
              r"\boverseas\b", r"\babroad\b", r"international(?:ly)? transfer", r"transfer\w* [^.]{0,40}(?:countr|"
              r"international)", r"third countr", r"adequacy", r"standard contractual clauses", r"international data "
              r"transfer", r"\bIDTA\b", r"(?:stored|held|hosted|processed|kept|located) (?:\w+ ){0,3}(?:in|within) the "
              r"(?:UK|United Kingdom)", r"UK-based (?:servers|data cent)", r"leave the UK")
TRANSFER_HEADING = rx(r"where in the world", r"where (?:we (?:store|keep)|is your (?:data|information))",
                      r"international", r"overseas", r"\btransfers?\b")
SAFEGUARD = rx(r"adequa(?:cy|te)", r"standard contractual clauses", r"\bSCCs?\b", r"international data transfer "
               r"(?:agreement|addendum)", r"\bIDTA\b", r"binding corporate rules", r"appropriate safeguards",
               r"data bridge", r"(?:robust|suitable|appropriate|protective) (?:contracts?|safeguards|protections)",
               r"(?:seen|considered|deemed|regarded) as .?safe")
NO_TRANSFER = rx(r"United States|\bUSA?\b(?!-)", r"data bridge", r"Data Privacy Framework", r"(?:do not|don't|will not|won't|never|not)\s+(?:be\s+)?(?:transfer|send|sent|store|process|hold|held|"
                 r"kept|keep|move)\w*[^.]{0,60}(?:outside|overseas|abroad)",
                 r"(?:only|solely|all|always) (?:\w+ ){0,3}(?:stored|held|hosted|processed|kept) (?:\w+ ){0,3}(?:in|within) "
                 r"the (?:UK|United Kingdom)", r"(?:stored|held|hosted|processed|kept) (?:only |solely )?(?:in|within) "
                 r"the (?:UK|United Kingdom)(?! and)(?! or)(?![^.]{0,40}\b(?:but|however|except))")

# --- PN10 retention -------------------------------------------------------------------------------
RETENTION = rx(r"how long", r"retention", r"\bretain\w*", r"kept for", r"\bkeep (?:it|your|this|the|records?|"
               r"information|personal|data|them)[^.]{0,60}\b(?:for|until|after)\b", r"(?:destroy|dispos|delet|eras|"
               r"anonymis|shred)\w*[^.]{0,60}\b(?:after|when|once|at the end|within)\b", r"no longer (?:than|needed|"
               r"necessary|required)", r"(?:for )?as long as (?:is )?(?:necessary|needed|required|we need)",
               r"\bdisposal\b")
RETENTION_HEADING = rx(r"how long", r"retention", r"keeping your", r"keep your", r"\bstorage\b")
PERIOD = rx(r"\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|eighteen|twenty|twenty-"
            r"\w+|thirty|forty|fifty|sixty|seventy|seventy-five|seventy five|ninety|hundred)\s*(?:\+\s*)?(?:full |"
            r"calendar |working )?(?:days?|weeks?|months?|years?|yrs)\b",
            r"\b(?:until|after|once)\b[^.]{0,50}\b(?:closed|ends?|ended|end of|leave|left|reach|reaches|turns?|birthday|"
            r"death|dies|finish|complet|no longer (?:receive|use))", r"\bdecades\b", r"\bindefinitely\b",
            r"\bpermanently\b", r"retention (?:schedule|policy|guidelines)", r"records? (?:management|retention) "
            r"(?:policy|schedule)", r"disposal schedule")

# --- PN11 rights ----------------------------------------------------------------------------------
RIGHT_CONTEXT = rx(r"\bright", r"you (?:can|may|could|also) (?:also )?(?:ask|request|object|have|apply|make|"
                   r"challenge|see|get)", r"\bask (?:us )?to\b", r"\brequest (?:that|to|a copy|access|us)", r"entitled",
                   r"\bask for\b")
RIGHTS_HEADING = rx(r"rights", r"what you can do", r"access to (?:your|personal)", r"subject access", r"your choices",
                    r"control")
RIGHTS: dict[str, re.Pattern[str]] = {
    "access": rx(r"\baccess\b", r"copy of (?:the |your |any |all )?(?:information|data|personal|records?)",
                 r"subject access", r"see (?:the|your) (?:information|records?)", r"(?:what|the) (?:information|data) "
                 r"(?:we|the council) (?:hold|holds|have)"),
    "rectification": rx(r"rectif", r"\bcorrect(?:ed|ing|ion)?\b(?! email)", r"inaccura", r"\bincomplete\b",
                        r"\bamend", r"change (?:the )?information you think"),
    "erasure": rx(r"\beras", r"\bdelet", r"forgotten", r"remov\w* (?:your )?(?:data|information)"),
    "restriction": rx(r"restrict", r"limit (?:what|how|the use|the processing|our use)", r"\bsuspend"),
    "objection": rx(r"\bobject", r"stop (?:us )?(?:using|processing)", r"direct marketing"),
    "portability": rx(r"portab", r"transfer(?:red)? to another", r"another (?:organisation|provider|controller|service "
                      r"provider)", r"alternative (?:data )?controller", r"machine.readable", r"commonly used format"),
    "adm": rx(r"automated", r"computer.made", r"made by a computer", r"human (?:intervention|review|involvement)",
              r"reviewed by a (?:member of staff|person)", r"profil"),
}

# --- PN12 consent withdrawal ----------------------------------------------------------------------
WITHDRAW = rx(r"withdraw\w*[^.]{0,40}consent", r"consent[^.]{0,60}withdraw", r"(?:remove|revoke|take back|cancel)\w* "
              r"(?:your |that |this )?consent", r"change your mind")
NO_CONSENT_BASIS = rx(r"(?:do not|don't|will not|won't|never|not) (?:rely|ask|depend|need|use)[^.]{0,20}(?:on )?"
                      r"(?:your )?consent")
OPT_OUT = rx(r"unsubscrib", r"opt[ -]?out\W? of (?:receiving|marketing|newsletters|e-?mails)", r"stop receiving")

# --- PN13 complaints ------------------------------------------------------------------------------
COMPLAIN = rx(r"complain", r"complaint", r"concerns?\b", r"unhappy", r"dissatisfied", r"not (?:happy|satisfied)",
              r"raise (?:a|an|any) (?:issue|matter)")
DATA_TERMS = rx(r"\bdata\b", r"information", r"personal", r"privacy", r"handl", r"data protection", r"how we (?:use|have "
                r"used|look)", r"\bdetails\b")
COUNCIL_ROUTE = rx(r"complain to (?:us|the council)", r"(?:tell|let) us", r"get in touch", r"\bDPO\b", r"data protection officer", r"contact", r"email",
                   r"e-mail", r"write", r"@", r"\bform\b", r"complaints? (?:procedure|process|team|policy)", r"telephone",
                   r"addressed to")
ICO_ADVICE = rx(r"advice", r"independent", r"further information", r"more information", r"guidance", r"find out more")
COMPLAINT_HEADING = rx(r"complain", r"concerns?", r"unhappy", r"not happy", r"problems?")

# --- PN14 source ----------------------------------------------------------------------------------
SOURCE_SPECIFIC = rx(r"\bfrom\b[^.]{0,50}\b(?:NHS|police|DWP|Department for|HMRC|schools?|GPs?|doctor|hospital|"
                     r"employer|landlord|relatives|family members?|friends|neighbours|electoral|credit reference|Land "
                     r"Registry|Companies House|Valuation Office|social (?:care|workers?)|health (?:professionals|"
                     r"services|bodies)|DVLA|courts?|solicitors?|professionals|housing associations?|(?:district|borough|"
                     r"county) councils\b|other councils?|other local authorit|government departments?|agencies|referr|carers?|"
                     r"Home Office|probation|Ofsted)", r"from publicly (?:available|accessible)", r"publicly (?:available|accessible) (?:sources|records|registers)",
                     r"public (?:sources|records)",
                     r"(?:only|solely|directly) from you", r"from you (?:directly|only)", r"referr(?:al|ed) (?:from|by)",
                     r"(?:provided|supplied|given|sent|passed) (?:to us )?by (?:the )?(?:NHS|police|DWP|schools?|your "
                     r"(?:GP|doctor|employer|landlord))", r"(?:records|information|data) held by (?:the )?(?:Department|DWP|"
                     r"HMRC|NHS|police|other)", r"(?:contact|check with|ask) (?:your )?(?:landlord|GP|doctor|employer|"
                     r"school|referees|other councils)[^.]{0,60}(?:check|verify|confirm)")
SOURCE_GENERIC = rx(r"\bfrom (?:other sources|third parties|other organisations|partner organisations|others|other "
                    r"people|elsewhere|other services|external (?:sources|organisations))", r"\bsources? of (?:the |your )?"
                    r"(?:information|data)", r"where we get", r"information (?:about you )?(?:that )?(?:we )?receive")
SOURCE_HEADING = rx(r"\bsources?\b", r"where we get", r"information (?:we receive|from others|about you from)",
                    r"how we (?:get|obtain|collect)")

# --- PN15 requirement and consequences ------------------------------------------------------------
CONSEQUENCE = rx(r"(?:if|where|should) you (?:do not|don't|choose not to|decide not to|cannot|can't|refuse to|prefer "
                 r"not to) (?:provide|give|supply|share|tell)", r"without (?:this|the|your|that|these|such|all the) "
                 r"(?:information|details|data)[^.]{0,60}(?:cannot|can't|unable|not be able|may not|won't|will not)",
                 r"(?:may|might|will|would) not be able to (?:provide|deliver|process|help|offer|assess|give|consider|"
                 r"decide)", r"(?:unable|not able) to (?:process|assess|consider) your (?:application|claim|request)")
REQUIREMENT = rx(r"(?:legal|statutory|contractual) (?:requirement|obligation|duty) (?:for you|on you) to (?:provide|"
                 r"give|supply)", r"(?:it is|this is|is) a (?:legal|statutory|contractual) requirement", r"(?:you are|you're) (?:required|obliged|legally required|under a (?:legal )?(?:duty|"
                 r"obligation)) (?:by law )?to (?:provide|give|supply|tell|register)", r"(?:law|legislation|regulations) "
                 r"(?:requires|require|says) (?:you|that you) (?:to )?(?:provide|give|must)", r"you (?:must|have to) "
                 r"(?:provide|give|supply|tell)[^.]{0,60}(?:law|contract|legislation|statutory)", r"(?:will|would) need to "
                 r"provide us with (?:this |the |some )?information because you want to enter into a contract",
                 r"you (?:do not|don't) have to (?:provide|give|tell)", r"\b(?:is|are) (?:entirely )?(?:optional|"
                 r"voluntary)\b")
REQUIREMENT_HINT = rx(r"voluntar", r"(?:if|where) you choose to (?:give|provide)", r"choose to give us", r"you (?:must|have to|will need to|need to) (?:provide|give|supply|tell)",
                      r"mandatory", r"compulsory", r"what information we need from you")

# --- PN16 automated decisions ---------------------------------------------------------------------
ADM = rx(r"automated decision", r"automated (?:processing|means|tools?|systems?|scoring)", r"decisions? (?:\w+ ){0,4}"
         r"(?:by a computer|automatically|by computer|without (?:any )?human)", r"computer.made", r"solely automated",
         r"\bprofil(?:e|es|ed|ing)\b", r"algorithm", r"artificial intelligence", r"\bAI\b", r"machine learning")
ADM_HEADING = rx(r"automated", r"profiling", r"computer decisions")
ADM_NONE = rx(r"(?:we|council|it)\s+(?:do|does|will|would)?\s*(?:not|never)\b[^.]{0,60}(?:automated|profil|by a computer"
              r"|algorithm)", r"we don't[^.]{0,60}(?:automated|profil|by a computer)", r"\bno (?:decisions|automated|"
              r"profiling)\b", r"not (?:make|use|carry out) (?:any )?(?:automated|profil)", r"(?:none|no decisions) "
              r"[^.]{0,40}(?:solely|automat)", r"(?:are|is) (?:never|not) made (?:solely )?(?:automatically|by (?:a )?"
              r"computer)")
CONDITIONAL = rx(r"^\W*(?:if|where|when|should|in the event)\b", r"\bif (?:and when )?(?:we|the council)\b",
                 r"\bwhere we (?:use|make|carry)", r"\byou will be (?:told|informed)")
ADM_EXISTS = rx(r"(?:we|the council|our (?:system|software))\b[^.]{0,30}\b(?:use|uses|make|makes|carry out|carries out|"
                r"run|runs|operate|operates|apply|applies)\b[^.]{0,40}(?:automated|profil|algorithm|scor|computer)",
                r"decisions? (?:are|is) made (?:automatically|by (?:a )?computer)", r"(?:automatically|automated) "
                r"(?:assess|check|calculate|decide|score|award|refuse|reject)\w*")
ADM_LOGIC = rx(r"based on", r"\busing\b", r"looks? at", r"takes? into account", r"consider", r"\bscor", r"criteria",
               r"logic", r"factors", r"\bmeans\b", r"consequence", r"\beffect", r"human", r"member of staff", r"review",
               r"challenge", r"contest", r"representations", r"intervention")

# --- everywhere -----------------------------------------------------------------------------------
COOKIE_SECTION = rx(r"cookie", r"embedded content", r"links to other")
