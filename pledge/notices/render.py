"""Turn a notice document into blocks (headings, paragraphs, lists, links) and into plain text.

One wording, two outputs: the public HTML page and the plain-text file/diff both iterate these blocks.
Plain English throughout (Art 12(1)); no "by using this site you agree" wording (promise P032).
"""

from typing import Any

from pledge.law.countries import country_name

Block = dict[str, Any]


def _h2(text: str) -> Block:
    return {"type": "h2", "text": text}


def _h3(text: str) -> Block:
    return {"type": "h3", "text": text}


def _p(text: str) -> Block:
    return {"type": "p", "text": text}


def _ul(items: list[str]) -> Block:
    return {"type": "ul", "items": [i for i in items if i]}


def _link(text: str, href: str, external: bool = False) -> Block:
    return {"type": "link", "text": text, "href": href, "external": external}


def notice_blocks(document: dict[str, Any]) -> list[Block]:
    """The notice's content in reading order."""
    blocks: list[Block] = []
    blocks += _who_we_are(document)
    blocks += [_h2("What this notice covers"), _p(document["scope_text"])]
    if document.get("services") and document.get("scope") != "general":
        blocks.append(_h3("Notices for each service"))
        blocks += [_link(s["name"], f"/privacy/{s['notice_slug']}/") for s in document["services"]]
    if document.get("scope") == "general":
        blocks += _activity_summaries(document["activities"], document.get("services") or [])
    else:
        blocks += _activities(document["activities"])
    blocks += _internal_flow_blocks(document.get("internal_flows") or [])
    blocks += _rights(document)
    blocks += _complaints(document)
    blocks += [
        _h2("Links to other websites"),
        _p(
            "Our pages link to other organisations' websites. Their own privacy notices apply there; "
            "links that leave our site are marked."
        ),
        _h2("Changes to this notice"),
        _p("We review this notice regularly. When we change it we publish a new version here, with a list of changes."),
    ]
    if document.get("policy_documents"):
        blocks.append(_h2("Our policies"))
    for doc in document.get("policy_documents") or []:
        blocks.append(_link(doc["title"], doc["url"], external=True))
    for section in document.get("extra_sections") or []:
        blocks += [_h2(section["title"]), _p(section["text"])]
    return blocks


def _who_we_are(document: dict[str, Any]) -> list[Block]:
    c, dpo = document["controller"], document["dpo"]
    registration = c["ico_registration"] + (
        " (a fictional number for this demonstration)" if c.get("ico_registration_fictional") else ""
    )
    return [
        _h2("Who we are"),
        _p(f"{c['name']} is the controller of your personal information ({c['kind_label'].lower()})."),
        _ul([f"Address: {c['address']}", f"Email: {c['email']}", f"Phone: {c['phone']}"]),
        _p(f"Our registration number with the Information Commissioner's Office is {registration}."),
        _link("Check our entry on the ICO's register of fee payers", c["ico_register_url"], external=True),
        _h2("Our Data Protection Officer"),
        _p(f"You can contact {_dpo_title(dpo['name'])} about anything in this notice:"),
        _ul(
            [f"Email: {dpo['email']}", f"Phone: {dpo['phone']}" if dpo.get("phone") else "", f"Post: {dpo['address']}"]
        ),
        _link("Contact the Data Protection Officer online", "/contact-the-dpo/"),
        _p(document["representative"]),
    ]


def _dpo_title(name: str) -> str:
    """'our Data Protection Officer', naming them only when the register holds more than the title."""
    if not name or name.strip().lower() == "data protection officer":
        return "our Data Protection Officer"
    return f"our Data Protection Officer ({name})"


def _activities(activities: list[dict[str, Any]]) -> list[Block]:
    blocks: list[Block] = [_h2("How we use your information")]
    if not activities:
        return [*blocks, _p("This notice does not yet cover any approved activity.")]
    for a in activities:
        blocks += [_h3(a["name"]), {"type": "anchor", "id": a["slug"]}]
        blocks += [_p("We use your information for these purposes:"), _ul(a["purposes"])]
        blocks.append(_p(_basis_sentence(a)))
        if a["special_categories"]:
            blocks.append(
                _p(
                    f"We also use more sensitive information ({', '.join(a['special_categories'])}) under "
                    f"{a['art9']}" + (f" and {'; '.join(a['schedule1'])}" if a["schedule1"] else "") + "."
                )
            )
        if a["criminal_offence_data"]:
            blocks.append(
                _p("We may use information about criminal offences, under " + "; ".join(a["schedule1"]) + ".")
            )
        blocks += [_p("The kinds of personal information we use are:"), _ul(a["data_categories"])]
        blocks.append(_p(f"This is information about {', '.join(a['data_subjects'])}."))
        blocks += _sources(a)
        blocks += _sharing(a)
        blocks.append(_p(f"How long we keep it: {a['retention']} ({a['retention_source']})."))
        blocks += _automated(a)
        for s in a["surveillance"]:
            blocks.append(
                _p(
                    f"{s['name']} is operated by {s['operator']} at {', '.join(s['sites'])}; footage is kept for "
                    f"{s['footage_retention_days']} days unless it is needed as evidence."
                )
            )
            blocks.append(_link(f"Code of practice for {s['name']}", s["code_of_practice_url"], external=True))
        blocks += [_p("Your rights for this use:"), _ul([r["title"] for r in a["rights"]])]
        blocks.append(_link(f"Ask a question about {a['name'].lower()}", f"/contact-the-dpo/?about={a['slug']}"))
    return blocks


def _internal_flow_blocks(flows: list[dict[str, Any]]) -> list[Block]:
    """Sharing between the council's own services, declared in the register."""
    if not flows:
        return []
    items = []
    for flow in flows:
        verb = "We pass to" if flow["direction"] == "out" else "We receive from"
        law = f" ({', '.join(flow['legislation'])})" if flow["legislation"] else ""
        items.append(
            f"{verb} {flow['other_service']}: {', '.join(flow['data_categories'])}, "
            f"to {'; '.join(p[:1].lower() + p[1:] for p in flow['purposes'])}{law}"
        )
    return [
        _h2("Sharing within the council"),
        _p("Information moves between our own services only for these purposes:"),
        _ul(items),
    ]


def _activity_summaries(activities: list[dict[str, Any]], services: list[dict[str, str]]) -> list[Block]:
    """The general notice: each service's uses in brief, with a link to its full notice (promise P026)."""
    blocks: list[Block] = [
        _h2("How we use your information"),
        _p("For each service: why we use your information, the law that allows it, and how long we keep it."),
    ]
    if not activities:
        return [*blocks, _p("This notice does not yet cover any approved activity.")]
    links = {s["name"]: s["notice_slug"] for s in services}
    by_service: dict[str, list[dict[str, Any]]] = {}
    for activity in activities:
        by_service.setdefault(activity["service"], []).append(activity)
    for service, items in by_service.items():
        blocks.append(_h3(service))
        for a in items:
            blocks.append({"type": "anchor", "id": a["slug"]})
            facts = [
                f"Why we use it: {'; '.join(a['purposes'])}",
                f"Lawful basis: {a['basis_label']}" + (f" ({', '.join(a['legislation'])})" if a["legislation"] else ""),
            ]
            if a["art9"]:
                facts.append(f"Sensitive information: {', '.join(a['special_categories'])}, under {a['art9']}")
            facts += [
                f"Personal information we use: {', '.join(a['data_categories'])}",
                f"Where we get it from: {', '.join(a['sources'])}",
                f"Whether you must give it: {_provision_sentence(a)}",
                f"Who we share it with: {_recipient_names(a)}",
                f"How long we keep it: {a['retention']}",
            ]
            if a["transfers"]:
                facts.append(
                    "Outside the UK: "
                    + ", ".join(f"{t['recipient']} ({country_name(t['country'])})" for t in a["transfers"])
                )
            if a["automated_decision"]:
                facts.append(f"Automated decisions: {a['automated_decision']['logic']}")
            blocks += [_p(f"{a['name']}:"), _ul(facts)]
        if service in links:
            blocks.append(_link(f"Full privacy notice for {service}", f"/privacy/{links[service]}/"))
    return blocks


def _recipient_names(a: dict[str, Any]) -> str:
    return ", ".join(r["name"] for r in a["recipients"]) or "no one outside the council"


def _basis_sentence(a: dict[str, Any]) -> str:
    sentence = f"We are allowed to use it because {a['basis_plain']} ({a['basis_label']}"
    sentence += f"; {', '.join(a['legislation'])})." if a["legislation"] else ")."
    if a["legitimate_interests"]:
        sentence += f" Our legitimate interests: {a['legitimate_interests']}"
    if a["consent_as_safeguard"]:
        sentence += " We also ask for your agreement as an extra safeguard; this is not our lawful basis."
    if a["on_behalf_of"]:
        sentence += f" We do this on behalf of {a['on_behalf_of']}, who decide how it is used."
    return sentence


def _sources(a: dict[str, Any]) -> list[Block]:
    blocks = [_p("We get this information from these sources:"), _ul(a["sources"])]
    if a["publicly_accessible_sources"]:
        blocks.append(_p("Some of it comes from publicly accessible sources."))
    if a["collection_channels"]:
        blocks.append(_p(f"How we collect it: {', '.join(a['collection_channels'])}."))
    blocks.append(_p(_provision_sentence(a)))
    return blocks


PROVISION_SENTENCES = {
    "statutory": "You must give us this information, because the law requires it.",
    "contractual": "You need to give us this information under your contract with us.",
    "condition": "We need this information to provide the service to you.",
    "voluntary": "Giving us this information is your choice: you do not have to.",
    "not_applicable": "We do not ask you for this information, so there is nothing you are required to give us.",
}


def _provision_sentence(a: dict[str, Any]) -> str:
    """Art 13(2)(e): whether providing the data is a requirement, and what happens if it is not provided."""
    sentence = PROVISION_SENTENCES.get(a.get("provision_code", ""), f"Giving us this information is {a['provision']}.")
    if a["provision_consequences"]:
        sentence += f" If you do not give it to us: {a['provision_consequences']}"
    return sentence


def _sharing(a: dict[str, Any]) -> list[Block]:
    if not a["recipients"]:
        blocks = [_p("We do not share this information outside the service unless the law requires it.")]
    else:
        blocks = [
            _p("We share this information with these recipients:"),
            _ul(
                [
                    f"{r['name']} ({r['kind'].lower()})" + (f": {r['description']}" if r["description"] else "")
                    for r in a["recipients"]
                ]
            ),
        ]
    contacting = [r for r in a["recipients"] if r.get("opt_out_contact")]
    if contacting:
        # P083: a partner that may contact residents itself is named with its own opt-out route.
        blocks.append(
            _p("These partners and providers may contact you themselves. To stop their messages, contact them:")
        )
        blocks.append(_ul([f"{r['name']}: {r['opt_out_contact']}" for r in contacting]))
    if a["sharing_agreements"]:
        blocks.append(_p(f"Information-sharing agreements: {', '.join(a['sharing_agreements'])}."))
    if a["transfers"]:
        blocks.append(_p("Transfers outside the UK:"))
        blocks.append(
            _ul(
                [
                    f"{t['recipient']} in {country_name(t['country'])}, protected by {_mechanism(t['mechanism'])}"
                    for t in a["transfers"]
                ]
            )
        )
        blocks.append(_p("Ask our Data Protection Officer for a copy of the safeguards."))
    else:
        blocks.append(_p("We do not transfer this information outside the UK."))
    return blocks


def _mechanism(code: str) -> str:
    return {
        "adequacy": "UK adequacy regulations",
        "idta": "the International Data Transfer Agreement",
        "addendum": "the UK Addendum to the EU standard contractual clauses",
        "bcr": "binding corporate rules",
        "derogation": "an Article 49 exception",
    }.get(code, code)


def _automated(a: dict[str, Any]) -> list[Block]:
    adm = a["automated_decision"]
    if not adm:
        return [_p("We do not make decisions about you by automated means alone for this use.")]
    return [
        _p(f"We make some decisions by automated means. How it works: {adm['logic']}"),
        _p(f"Your safeguards: {adm['safeguards']} You can ask for a person to review any such decision."),
    ]


def _rights(document: dict[str, Any]) -> list[Block]:
    blocks = [_h2("Your rights"), _p("Which rights you have depends on why we use your information:")]
    blocks.append(_ul([f"{r['title']}: {r['plain']}" for r in document["rights"]]))
    if any(r["right"] == "withdraw_consent" for r in document["rights"]):
        blocks.append(
            _p(
                "Where we rely on your consent you can withdraw it at any time; "
                "this does not affect what we did before."
            )
        )
    blocks.append(_p("You do not usually have to pay, and we will reply within one month."))
    return blocks


def _complaints(document: dict[str, Any]) -> list[Block]:
    ico = document["complaints"]["ico"]
    return [
        _h2("How to complain"),
        _p(
            "If you are unhappy with how we have used your information, please complain to us first. "
            f"Email {document['complaints']['council_email']} or use our complaints page."
        ),
        _link("How to complain to us", document["complaints"]["council_url"]),
        _p(f"You can also complain to the {ico['name']}: {ico['address']}; phone {ico['phone']}."),
        _link("Make a complaint to the ICO", ico["complaints_url"], external=True),
    ]


def notice_text(document: dict[str, Any]) -> str:
    """The notice as plain text (Markdown-flavoured): for downloads and the version diff."""
    lines = [f"# {document['title']}", ""]
    for block in notice_blocks(document):
        kind = block["type"]
        if kind == "h2":
            lines += [f"## {block['text']}", ""]
        elif kind == "h3":
            lines += [f"### {block['text']}", ""]
        elif kind == "p":
            lines += [block["text"], ""]
        elif kind == "ul":
            lines += [f"- {item}" for item in block["items"]] + [""]
        elif kind == "link":
            lines += [f"[{block['text']}]({block['href']})", ""]
    return "\n".join(lines).rstrip() + "\n"
