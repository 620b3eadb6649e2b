"""Builds small ledgers for the review desk's tests, through the store's own write path."""

from __future__ import annotations

import hashlib
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from fastapi.testclient import TestClient

from briefwire.models import (
    Casualty,
    Claim,
    CleanDocument,
    DateValue,
    DedupeResult,
    LinkedEvent,
    LinkedPerson,
    Location,
    Paragraph,
    Quantity,
    RawDocument,
    RemovedSpan,
)
from briefwire.store import DocumentToSave, Store, claim_key, mention_key
from briefwire.web import WebSettings, create_app


@dataclass(frozen=True)
class ClaimSpec:
    """A claim whose evidence is ``phrase`` as it occurs in the document's clean text."""

    phrase: str
    type: str = "draft_notice"
    theme: str = "Army Recruitment and Draft"
    summary: str = "Draft notices were served"
    claimed_by: tuple[str, ...] = ("the regional governor",)
    stance: str = "reported"
    date: str | None = None
    location: Location | None = None
    quantity: Quantity | None = None


@dataclass(frozen=True)
class CasualtySpec:
    name: str
    phrase: str
    fields: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class SavedDoc:
    doc_id: str
    claim_keys: tuple[str, ...]
    claims: tuple[Claim, ...]
    mention_keys: tuple[str, ...]
    mentions: tuple[Casualty, ...]
    outlet: str
    published: str


def clean_document(
    paragraphs: list[str],
    *,
    title: str,
    outlet: str,
    url: str | None,
    published: str,
    removed: tuple[tuple[str, str], ...] = (),
) -> CleanDocument:
    """A document whose raw text is the removed lines followed by the paragraphs."""
    text = "\n\n".join(paragraphs)
    raw_lines = [line for line, _ in removed]
    raw = "\n".join([*raw_lines, text])
    spans, pos = [], 0
    for line, reason in removed:
        spans.append(RemovedSpan(pos, pos + len(line), line, reason))
        pos += len(line) + 1
    paras, start = [], 0
    for i, p in enumerate(paragraphs):
        paras.append(Paragraph(i, start, start + len(p), p))
        start += len(p) + 2
    doc_id = hashlib.sha256(f"{outlet}|{title}|{text}".encode()).hexdigest()[:16]
    rawdoc = RawDocument(
        origin=f"test://{outlet}/{doc_id}",
        text=raw,
        format="txt",
        url=url,
        outlet=outlet,
        title=title,
        published=published,
        language="en",
    )
    return CleanDocument(
        raw=rawdoc,
        doc_id=doc_id,
        text=text,
        paragraphs=tuple(paras),
        removed=tuple(spans),
        title=title,
        dek=None,
        published=DateValue(published, "day", "metadata"),
        language="en",
    )


class Ledger:
    """A test ledger: documents with claims and casualties, then events and persons over them."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.store = Store(path)
        self.events: list[LinkedEvent] = []
        self.persons: list[LinkedPerson] = []

    def close(self) -> None:
        self.store.close()

    def document(
        self,
        paragraphs: list[str],
        *,
        title: str = "A report",
        outlet: str = "Daily Test",
        url: str | None = "https://news.example/a",
        published: str = "2024-03-04",
        removed: tuple[tuple[str, str], ...] = (),
        claims: tuple[ClaimSpec, ...] = (),
        casualties: tuple[CasualtySpec, ...] = (),
    ) -> SavedDoc:
        doc = clean_document(
            paragraphs, title=title, outlet=outlet, url=url, published=published, removed=removed
        )
        built = tuple(_claim(doc, c) for c in claims)
        dead = tuple(_casualty(doc, c) for c in casualties)
        self.store.save_document(
            DocumentToSave(
                doc=doc,
                dedupe=DedupeResult(doc.doc_id, None, None, None, ()),
                themes=[None] * len(paragraphs),
                passage_signatures=[None] * len(paragraphs),
                doc_signature=None,
                claims=built,
                casualties=dead,
            )
        )
        return SavedDoc(
            doc.doc_id,
            tuple(claim_key(c) for c in built),
            built,
            tuple(mention_key(c) for c in dead),
            dead,
            outlet,
            published,
        )

    def event(
        self,
        *docs_claims: tuple[SavedDoc, int],
        status: str = "reported",
        explanation: tuple[str, ...] = ("one claim, one event",),
    ) -> str:
        """An event over the given (document, claim index) pairs; returns its event_key."""
        anchor_doc, anchor_i = docs_claims[0]
        c = anchor_doc.claims[anchor_i]
        sources = tuple(dict.fromkeys(d.outlet for d, _ in docs_claims))
        key = anchor_doc.claim_keys[anchor_i]
        self.events.append(
            LinkedEvent(
                event_key=key,
                type=c.type,
                theme=c.theme,
                summary=c.summary,
                date=c.date,
                location=c.location,
                actors=(),
                quantity=c.quantity,
                status=status,
                first_reported=min(d.published for d, _ in docs_claims),
                independent_sources=len(sources),
                sources=sources,
                claim_keys=tuple(d.claim_keys[i] for d, i in docs_claims),
                explanation=explanation,
            )
        )
        return key

    def person(self, *docs_mentions: tuple[SavedDoc, int]) -> str:
        first_doc, first_i = docs_mentions[0]
        m = first_doc.mentions[first_i]
        key = first_doc.mention_keys[first_i]
        fields = {
            "age": m.age,
            "rank": m.rank,
            "status": m.status,
            "home_region": m.home_region,
            "home_region_code": m.home_region_code,
            "home_town": m.home_town,
            "date_of_death": m.date_of_death.date,
            "date_precision": m.date_of_death.precision,
        }
        self.persons.append(
            LinkedPerson(
                person_key=key,
                name=m.name,
                variants=tuple(dict.fromkeys(d.mentions[i].name for d, i in docs_mentions)),
                mention_keys=tuple(d.mention_keys[i] for d, i in docs_mentions),
                first_reported=min(d.published for d, _ in docs_mentions),
                independent_sources=len({d.outlet for d, _ in docs_mentions}),
                fields=fields,
            )
        )
        return key

    def link(self) -> None:
        """Write events and persons as the link stage would (a full replace)."""
        self.store.replace_links(self.events, self.persons)


def _span(doc: CleanDocument, phrase: str) -> tuple[int, int]:
    start = doc.text.find(phrase)
    if start < 0:
        raise ValueError(f"phrase {phrase!r} is not in the document's clean text")
    return start, start + len(phrase)


def _claim(doc: CleanDocument, spec: ClaimSpec) -> Claim:
    start, end = _span(doc, spec.phrase)
    para = next(p.index for p in doc.paragraphs if p.start <= start < p.end)
    date = DateValue(spec.date, "day", "explicit") if spec.date else DateValue.unknown()
    return Claim(
        doc_id=doc.doc_id,
        type=spec.type,
        theme=spec.theme,
        summary=spec.summary,
        start=start,
        end=end,
        quote=spec.phrase,
        date=date,
        location=spec.location,
        actors=(),
        quantity=spec.quantity,
        claimed_by=spec.claimed_by,
        stance=spec.stance,
        extractor="test.v1",
        confidence=0.9,
        paragraph_index=para,
    )


def _casualty(doc: CleanDocument, spec: CasualtySpec) -> Casualty:
    start, end = _span(doc, spec.phrase)
    f = dict(spec.fields)
    death = f.pop("date_of_death", None)
    return Casualty(
        doc_id=doc.doc_id,
        name=spec.name,
        start=start,
        end=end,
        quote=spec.phrase,
        date_of_death=DateValue(death, "day", "explicit") if death else DateValue.unknown(),
        **f,
    )


# ---- a standard ledger: ordinary reports, a casualty, and a hostile document -------------------
HOSTILE_SCRIPT = "<script>window.__pwned = true; alert('x')</script>"
HOSTILE_IMG = '<img src=x onerror="window.__pwned=1">'
HOSTILE_BROKEN = '</blockquote></table><b>unclosed <a href="javascript:window.__pwned=1">click me</a>'
HOSTILE_URL = "javascript:window.__pwned=1"


@dataclass(frozen=True)
class Standard:
    draft_event: str
    hostile_event: str
    casualty_event: str
    protest_event: str
    person: str
    draft_doc: SavedDoc
    wire_doc: SavedDoc
    hostile_doc: SavedDoc


def standard_ledger(path: Path, *, hostile: bool = True) -> Standard:
    """Four events over five documents, one person, one document full of hostile markup
    (or a plain one in its place, for pictures of the desk)."""
    led = Ledger(path)
    kurgan = Location("Kurgan", "Kurgan Oblast", "RU-KGN", "RU", "settlement")
    draft = led.document(
        [
            "Residents of Kurgan said on Monday that draft notices were handed out at the entrance "
            "of a bus depot.",
            "The regional administration confirmed that 120 men had been summoned this week.",
        ],
        title="Summonses at a bus depot",
        outlet="Daily Test",
        url="https://news.example/depot",
        published="2024-03-04",
        removed=(
            ("Support our newsroom: donate today", "donation appeal"),
            ("Photo: press service", "photo credit"),
        ),
        claims=(
            ClaimSpec(
                "draft notices were handed out at the entrance of a bus depot",
                summary="Draft notices handed out at a bus depot in Kurgan",
                date="2024-03-04",
                location=kurgan,
                quantity=Quantity(120, "men"),
            ),
        ),
    )
    wire = led.document(
        ["The governor's office said 120 men from Kurgan region had received summonses."],
        title="Governor on summonses",
        outlet="Evening Wire",
        url="https://wire.example/kurgan",
        published="2024-03-05",
        claims=(
            ClaimSpec(
                "120 men from Kurgan region had received summonses",
                summary="120 men in Kurgan region received summonses",
                claimed_by=("the governor's office",),
                location=kurgan,
                quantity=Quantity(120, "men"),
            ),
        ),
    )
    script, img, broken = (HOSTILE_SCRIPT, HOSTILE_IMG, HOSTILE_BROKEN) if hostile else ("", "", "")
    incident = led.document(
        [
            f"Local officials spoke of a fight near the enlistment office. {script}",
            f"A witness described it {img or 'on camera'} in detail.",
            f"Police said {broken or 'two men'} were questioned and the text goes on.",
        ],
        title=f"{script}Fight near an enlistment office",
        outlet="Hostile <b>Outlet</b>" if hostile else "City Courier",
        url=HOSTILE_URL if hostile else "https://courier.example/fight",
        published="2024-03-06",
        removed=((f"{img} Subscribe!", "subscription prompt"),),
        claims=(
            ClaimSpec(
                f"described it {img or 'on camera'} in detail",
                type="incident_or_crime",
                theme="Sentences, Legal Proceedings and Incidents",
                summary=f"A fight near an enlistment office {script}".strip(),
                claimed_by=(img or "a witness", "local officials"),
            ),
        ),
    )
    obit = led.document(
        [
            "Sergei Ivanov, 34, a mobilized soldier from Chelyabinsk region, was killed in "
            "Luhansk region in February, his relatives said."
        ],
        title="A soldier from Chelyabinsk killed",
        outlet="Ural Notes",
        url="http://ural.example/ivanov",
        published="2024-03-02",
        claims=(
            ClaimSpec(
                "Sergei Ivanov, 34, a mobilized soldier from Chelyabinsk region, was killed",
                type="casualty",
                theme="Mobilized Soldiers, Volunteers and Contract Soldiers",
                summary="Mobilized soldier Sergei Ivanov killed",
                claimed_by=("his relatives",),
                location=Location("Luhansk region", "Luhansk Oblast", "UA-09", "UA", "region"),
            ),
        ),
        casualties=(
            CasualtySpec(
                "Sergei Ivanov",
                "Sergei Ivanov, 34, a mobilized soldier",
                {
                    "age": 34,
                    "status": "mobilized",
                    "home_region": "Chelyabinsk Oblast",
                    "home_region_code": "RU-CHE",
                    "date_of_death": "2024-02-01",
                },
            ),
        ),
    )
    protest = led.document(
        [
            "Several dozen women gathered outside the administration in Ufa to demand that their "
            "husbands be brought home."
        ],
        title="Wives protest in Ufa",
        outlet="Bashkir Daily",
        url="https://bd.example/ufa",
        published="2024-03-07",
        claims=(
            ClaimSpec(
                "Several dozen women gathered outside the administration in Ufa",
                type="protest_or_appeal",
                theme="Relatives and Public Response",
                summary="Wives of mobilized men protest in Ufa",
                location=Location("Ufa", "Bashkortostan", "RU-BA", "RU", "settlement"),
            ),
        ),
    )
    std = Standard(
        draft_event=led.event(
            (draft, 0),
            (wire, 0),
            status="confirmed",
            explanation=("same type, same region, two days apart", "shared number: 120 men"),
        ),
        hostile_event=led.event((incident, 0), explanation=(f"anchor claim {script}".strip(),)),
        casualty_event=led.event((obit, 0)),
        protest_event=led.event((protest, 0)),
        person=led.person((obit, 0)),
        draft_doc=draft,
        wire_doc=wire,
        hostile_doc=incident,
    )
    led.link()
    led.close()
    return std


# ---- talking to the desk over HTTP ---------------------------------------------------------------
_CSRF = re.compile(r'<meta name="csrf-token" content="([^"]+)"')


def desk_client(db: Path, settings: WebSettings | None = None) -> TestClient:
    """A client that talks to the desk as a browser on this machine would."""
    app = create_app(db, settings=settings or WebSettings(secret_key="test-secret", local_user="tester"))
    return TestClient(app, base_url="http://127.0.0.1", follow_redirects=False)


def csrf_of(client: TestClient, page: str = "/") -> str:
    """The form token a page hands out to this client's session."""
    response = client.get(page)
    match = _CSRF.search(response.text)
    if not match:
        raise AssertionError(f"no CSRF token on {page} ({response.status_code})")
    return match.group(1)


def post(client: TestClient, url: str, data: dict[str, str], page: str = "/") -> Any:
    """A form POST carrying the session's CSRF token, as the page's own form would send it."""
    return client.post(url, data={**data, "csrf_token": csrf_of(client, page)})
