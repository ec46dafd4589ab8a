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
FORM = rx(
    r"\b(?:online|contact|web|complaints?|enquiry) form",
    r"complete (?:a|our|the) form",
    r"form on our website",
    r"\bmy account\b",
)
CONTACT_ROUTE = rx(EMAIL.pattern, PHONE.pattern, POSTCODE.pattern, FORM.pattern)
ICO = rx(r"information commissioner", r"\bICO\b")
COUNCIL_NAME = re.compile(
    r"\b(?:[A-Z][\w'’&-]+ ){1,4}(?:(?:County|Borough|District|City|Town|Parish|Metropolitan|Unitary|Combined) )?"
    r"(?:Council|Authority)\b"
)
CONTROLLER = rx(
    r"data controller",
    r"\bcontroller\b",
    r"who we are",
    r"responsible for (?:looking after )?(?:your|the) "
    r"(?:personal )?(?:data|information)",
)
CONTACT_CUE = rx(
    r"contact (?:us|the council|our)",
    r"write to",
    r"email us",
    r"e-mail us",
    r"call us",
    r"phone us",
    r"telephone",
    r"our address",
    r"by post",
    r"\bvisit us",
    r"get in touch",
)

# --- PN02 representative --------------------------------------------------------------------------
REPRESENTATIVE = rx(
    r"\b(?:UK|EU|EEA|our|a) representative\b",
    r"\bArticle 27\b",
    r"representative (?:in|for) the "
    r"(?:UK|EU|United Kingdom|European Union)",
)
NOT_REPRESENTATIVE = rx(
    r"legal representative",
    r"your representative",
    r"elected representative",
    r"representative of (?:the )?(?:deceased|person|family)",
)
NO_REPRESENTATIVE = rx(
    r"(?:not|no need)[^.]{0,40}(?:appoint|have|need)[^.]{0,20}representative",
    r"representative[^.]{0,60}(?:not (?:required|needed|apply|relevant)|does not apply)",
)

# --- PN03 DPO -------------------------------------------------------------------------------------
DPO = rx(r"data protection officer", r"\bDPO\b", r"data\.?protection\.?officer@")

# --- PN04 purposes --------------------------------------------------------------------------------
PURPOSE = rx(
    r"\bwe (?:will |may |might |also |only |would |need to |can )?(?:use|process|collect|need|hold|keep|record|ask for)"
    r"\w*\b[^.]{0,80}?\b(?:to|for|so that|in order to|because)\b",
    r"\bpurposes?\b",
    r"why we (?:need|collect|use|process|hold|ask)",
    r"\bused (?:to|for)\b",
    r"so (?:that )?we can",
    r"\bhelps? us (?:to )?\w+",
    r"^\W*to [a-z]+\b",
    r"\buses? (?:your |personal )+(?:information|data|details) (?:to|for)\b",
)
NOT_PURPOSE = rx(
    r"purposes? of (?:the )?(?:Data Protection|Act|GDPR|UK GDPR|this (?:notice|policy))",
    r"for (?:the )?purposes? of (?:direct marketing|marketing)",
)
PURPOSE_HEADING = rx(
    r"\bwhy (?:we|do we|the council|does the council|will we) (?:use|need|collect|process|hold|ask)",
    r"\bhow (?:we|do we|the council|does the council|will we) (?:use|need|process)",
    r"purpose",
    r"^why\b",
    r"what we (?:do|use)",
    r"information use",
    r"uses? (?:of|your) (?:your )?"
    r"(?:information|data)",
    r"how (?:your|the) (?:information|data) (?:is|will be) used",
)
PURPOSE_TOPIC = rx(
    r"purposes?",
    r"^why\b",
    r"\bwhy we\b",
    r"what we use",
    r"\bwe (?:will |may )?use (?:\w+ ){0,5}(?:to|for)\b",
    r"\bused (?:to|for)\b",
)
GENERIC_PURPOSE = rx(
    r"^\W*(?:we|the council)?[^.]{0,40}\b(?:provide|deliver)\w* (?:you with )?(?:a |the |our |its )?"
    r"services?\W*$"
)

# --- PN05 lawful basis ----------------------------------------------------------------------------
NAMED_BASIS = rx(
    r"public task",
    r"official authority",
    r"task (?:carried out )?in the public interest",
    r"\b6\s?\(1\)\s?\(?[a-f]\b",
    r"article 6\s?\(1\)\s?\(?[a-f]",
    r"vital interests?",
    r"performance of a contract",
    r"necessary for (?:the )?(?:performance of )?(?:a|our|the) contract",
    r"(?:comply|compliance) with (?:a|our|the|its) legal obligations?",
    r"legal obligations? (?:under|to comply|placed|imposed)",
    r"(?:rely|relies|based|basis) on (?:your )?consent",
    r"(?:lawful|legal) basis (?:is|we rely on is) (?:your |our )?(?:consent|public|legal|contract)",
)
BASIS_MENTION = rx(
    r"lawful bas[ie]s",
    r"legal bas[ie]s",
    r"basis (?:for|of) (?:the )?processing",
    r"article 6\b",
    r"statutory (?:duty|duties|obligations?|functions?|powers|services)",
    r"legal (?:duty|duties|powers)",
    r"(?:legislation|the law) (?:allows|requires|permits)",
    r"legally (?:obliged|required)",
    r"how the law allows",
)
SPECIAL = rx(
    r"special categor",
    r"sensitive (?:personal )?(?:data|information)",
    r"health (?:data|information|records?)",
    r"\bethnic",
    r"religio",
    r"sexual (?:orientation|life|health)",
    r"biometric",
    r"genetic",
    r"trade union",
)
SPECIAL_REFERENCE = rx(r"policy document")  # the title of an appropriate policy document, not a use of the data
BASIS_TOPIC = rx(r"(?:lawful|legal) (?:bas[ie]s|grounds?)", r"basis for", r"law that allows", r"allowed to use")
BASIS_VALUE = rx(
    r"\bconsent\b",
    r"\bcontract",
    r"legal obligation",
    r"public task",
    r"public interest",
    r"official authority",
    r"vital interests?",
    r"legitimate interests?",
    r"\b6\s?\(1\)",
)
SPECIAL_CONDITION = rx(
    r"article 9",
    r"art\.? 9",
    r"\b9\s?\(2\)",
    r"schedule 1",
    r"substantial public interest",
    r"explicit consent",
    r"social (?:care|protection|security)",
    r"employment",
    r"public health",
    r"legal claims",
    r"preventive or occupational medicine",
    r"safeguarding",
    r"vital interests",
)

# --- PN06 legitimate interests --------------------------------------------------------------------
LEGIT = re.compile(r"(?<!recognised )legitimate interests?", re.I)
LEGIT_DESCRIBED = rx(
    r"legitimate interests? (?:is|are|include|includes|namely|such as|in \w+ing|being)\b",
    r"legitimate interests?\s?:",
    r"legitimate interests? (?:of|in) (?:keeping|making|ensuring|promoting|"
    r"running|managing|protecting|improving)",
)
LEGIT_NONE = rx(
    r"(?:not|never|cannot|can't)\b[^.]{0,40}\b(?:rely|use|relied)[^.]{0,30}legitimate interests?",
    r"legitimate interests?[^.]{0,60}(?:not (?:available|used|relied)|cannot (?:be )?(?:use|rel))",
)

# --- PN07 categories of data ----------------------------------------------------------------------
DATA_TYPES: dict[str, re.Pattern[str]] = {
    "name": re.compile(r"\b(?:your |full |first |sur)?names?\b(?! and contact details of)", re.I),
    "address": re.compile(r"(?<!email )(?<!e-mail )(?<!\bip )(?<!web )\b(?:home |postal )?address(?:es)?\b", re.I),
    "email": re.compile(r"\be-?mail address", re.I),
    "phone": re.compile(r"\b(?:tele)?phone numbers?|mobile numbers?|contact numbers?", re.I),
    "birth": re.compile(r"date of birth|\bage\b", re.I),
    "ni": re.compile(r"national insurance|\bNI number|NHS number", re.I),
    "financial": re.compile(
        r"bank (?:details|account)|financial|income|benefits?|payment (?:card|details)|savings", re.I
    ),
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
CATEGORY_CUE = rx(
    r"categor(?:y|ies) of (?:personal )?(?:data|information)",
    r"types? of (?:personal )?(?:data|information)",
    r"(?:information|data|details) (?:we|the council) (?:will |may |might )?(?:collect|hold|process|use|"
    r"record|keep|ask for|capture|need)",
    r"what (?:personal )?(?:information|data) (?:we|do we|is)",
    r"\bwe (?:will |may |might )?(?:collect|record|hold|ask for|capture) (?:your|the following|"
    r"details|information|data|personal)",
    r"(?:include|including|such as|for example|e\.g\.)[^.]{0,30}"
    r"(?:your )?(?:name|address|date of birth)",
)
CATEGORY_HEADING = rx(
    r"what (?:personal )?(?:information|data)",
    r"what (?:we|do we) (?:record|hold|collect|use|keep|process)",
    r"(?:information|data) (?:we|the council) (?:collect|hold|"
    r"use|process|record)",
    r"categor",
    r"types of (?:information|data)",
    r"information (?:you give|"
    r"we (?:need|ask|may collect))",
)

# --- PN08 recipients ------------------------------------------------------------------------------
SHARE = rx(
    r"\bshar(?:e|es|ed|ing)\b",
    r"process(?:es)? [^.]{0,30}(?:for us|on our behalf)",
    r"\b(?:given|sold|supplied|provided|sent|passed|disclosed) (?:\w+ ){0,3}to\b",
    r"\bdisclos\w*",
    r"pass(?:ed|es|ing)? (?:it |this |your \w+ |personal \w+ )?"
    r"(?:on|to)\b",
    r"\brecipients?\b",
    r"\bprocessors?\b",
    r"\bon (?:our|its) behalf\b",
    r"give (?:it|your "
    r"(?:information|details|data)|this information) to\b(?! us\b)",
    r"send (?:it|your (?:information|details|data)) to\b(?! us\b)",
    r"(?:provide|supply) (?:it|your (?:information|details|data)|information) to",
)
SHARE_HEADING = rx(
    r"shar",
    r"disclos",
    r"recipient",
    r"who (?:receives|gets|sees)",
    r"who (?:we|do we|will we) (?:give|pass|share|send)",
    r"third part",
    r"who (?:sees|has access|can see)",
)
RECIPIENT = rx(
    r"police",
    r"\bNHS\b",
    r"\bhealth\b",
    r"\bDWP\b",
    r"Department for (?:Work|Education|Transport)",
    r"\bHMRC\b",
    r"Revenue and Customs",
    r"Cabinet Office",
    r"National Fraud",
    r"\bcourts?\b",
    r"\bschools?\b",
    r"other (?:local authorit|councils?|public (?:bodies|sector|authorities)|government)",
    r"government (?:departments?|bodies|agencies)",
    r"contractors?",
    r"suppliers?",
    r"(?:service|care|IT|"
    r"software|mailing) providers?",
    r"\bprocessors?\b",
    r"partner (?:organisations|agencies)",
    r"(?:district|borough|county|town|parish|city) councils\b",
    r"fire (?:and rescue|service)",
    r"ambulance",
    r"Ofsted",
    r"Care Quality",
    r"credit reference",
    r"debt (?:recovery|collect)",
    r"enforcement agent",
    r"bailiff",
    r"auditors?",
    r"regulators?",
    r"emergency services",
    r"housing associations?",
    r"\bcharit",
    r"Ombudsman",
    r"councillors?",
    r"\bMPs?\b",
    r"insurers?",
    r"solicitors?",
    r"Valuation "
    r"Office",
    r"Electoral",
    r"Land Registry",
    r"DVLA",
    r"Home Office",
    r"probation",
    r"social workers?",
    r"Royal Mail",
    r"printers?",
    r"on our behalf",
    r"other (?:council )?(?:services|departments|teams)",
    r"Google",
    r"Microsoft",
    r"Mailchimp|GovDelivery|Granicus",
)
NO_SHARING = rx(
    r"(?:do not|don't|will not|won't|never|not) (?:share|disclose|pass|give|sell or share)[^.]{0,60}"
    r"(?:anyone|any other|other (?:organisations|people)|third parties|outside the council)"
)
EXCEPTION = rx(r"\bunless\b", r"\bexcept\b", r"\bother than\b", r"\bwithout your (?:consent|permission)\b")
RECIPIENT_TOPIC = rx(
    SHARE.pattern,
    SHARE_HEADING.pattern,
    r"\b(?:pass|give|send|disclose|provide|supply)\w* (?!us\b|you\b)(?:\w+ ){0,3}(?:on )?to\b(?! us\b| you\b)",
)
CATEGORY_TOPIC = rx(CATEGORY_CUE.pattern, CATEGORY_HEADING.pattern, r"kinds? of (?:personal )?(?:information|data)")
