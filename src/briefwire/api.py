"""The library API: one function per CLI verb, each taking a ``Workspace``.

The CLI and the web app are thin layers over these functions.
"""

from __future__ import annotations

import json
import re
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any, Literal, TextIO

from briefwire import report
from briefwire.engine import Engine
from briefwire.engine.relink import relink_claims as relink_touching
from briefwire.pipeline import IngestSummary, Pipeline, PipelineOptions, Progress
from briefwire.report.export import document_row, passage_rows, shape
from briefwire.report.files import write_text, write_with
from briefwire.store import Store
from briefwire.store.db import BUSY_TIMEOUT_MS

if TYPE_CHECKING:
    from briefwire.store.share import ShareResult

DEFAULT_DB = "briefwire.db"


class LedgerMissing(FileNotFoundError):  # noqa: N818 - a condition the user reads
    """A command that reads was given a ledger path where there is none."""

    def __init__(self, path: Path) -> None:
        super().__init__(f"no ledger at {path}")
        self.path = path


class Workspace:
    """An open ledger: the database plus whatever caches the stages keep for it."""

    def __init__(
        self,
        db: str | Path = DEFAULT_DB,
        store: Store | None = None,
        *,
        create: bool = True,
        busy_timeout_ms: int = BUSY_TIMEOUT_MS,
    ) -> None:
        """Open the ledger at ``db``, or wrap a store already open on it (the web app's).

        ``create=False`` refuses a ledger that does not exist (:class:`LedgerMissing`) instead of
        creating an empty one: a command that only reads must not turn a typo into a new file.
        """
        self.db = Path(db)
        if store is None and not create and not self.db.is_file():
            raise LedgerMissing(self.db)
        self.store = store if store is not None else Store(self.db, busy_timeout_ms=busy_timeout_ms)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> Workspace:
        return self

    def __exit__(
        self, exc_type: type[BaseException] | None, exc: BaseException | None, tb: TracebackType | None
    ) -> None:
        self.close()


def ingest(
    ws: Workspace,
    paths: Iterable[str | Path],
    options: PipelineOptions | None = None,
    progress: Progress | None = None,
    engine: Engine | None = None,
) -> IngestSummary:
    """Ingest ``paths``; ``engine``: run the processing half there (the caller closes it)."""
    pipeline = Pipeline(ws.store, options, engine)
    try:
        return pipeline.ingest(paths, progress)
    finally:
        if engine is None:  # the pipeline built its own engine: let go of it
            pipeline.close()


def relink(ws: Workspace) -> None:
    """Link all claims again, honouring every reviewer decision (merges, splits, rejections)."""
    Pipeline(ws.store).link()


def relink_claims(ws: Workspace, claim_keys: Iterable[str]) -> None:
    """Link again only what a decision about these claims touches (a merge's two events, a
    split's event, their blocks); the rest of the ledger is neither read nor rewritten."""
    relink_touching(ws.store, claim_keys)


def docs(ws: Workspace) -> list[dict[str, Any]]:
    return [document_row(d) for d in ws.store.documents()]


def show(ws: Workspace, doc_id: str) -> dict[str, Any] | None:
    doc = ws.store.document(doc_id)
    if doc is not None:
        doc["claims"] = ws.store.claims(doc_id=doc["doc_id"])
    return doc


def search(ws: Workspace, query: str, limit: int = 20) -> list[dict[str, Any]]:
    return ws.store.search(query, limit)


def reuse(ws: Workspace, doc_id: str | None = None) -> list[dict[str, Any]]:
    if doc_id is not None:
        doc = ws.store.document(doc_id)
        if doc is None:
            raise LookupError(f"no document with id {doc_id!r}")
        doc_id = doc["doc_id"]
    return ws.store.reuse_groups(doc_id)


def stats(ws: Workspace) -> dict[str, Any]:
    return ws.store.stats()


def errors(ws: Workspace) -> list[dict[str, Any]]:
    return ws.store.errors()


@dataclass(frozen=True)
class BriefFiles:
    brief: report.Brief
    markdown: Path
    html: Path


class PeriodError(ValueError):
    """A brief period that cannot give a brief: reversed, or with nothing published in it."""


def brief_events(
    ws: Workspace, since: str | None = None, until: str | None = None
) -> tuple[list[dict[str, Any]], dict[str, dict[str, Any]]]:
    """The brief's one selection rule, for the CLI and the desk: the events first reported in
    the period (and undated events of its documents); beside them the documents published in it.
    A period reads only what it holds, through the store's period reads."""
    st = ws.store
    if not since and not until:
        events, _ = st.events()
        return events, {d["doc_id"]: d for d in st.documents()}
    documents = {d["doc_id"]: d for d in st.documents(since, until)}
    return st.events_in_period(since, until, documents), documents


def check_period(since: str | None, until: str | None) -> None:
    if since and until and since > until:
        raise PeriodError(f"the period ends ({until}) before it starts ({since})")


def brief(
    ws: Workspace,
    since: str | None = None,
    until: str | None = None,
    items: Literal["auto", "passages", "events"] = "auto",
    language: str | None = None,
) -> report.Brief:
    """The brief for a period (both ends inclusive; the whole ledger when not given), with the
    review desk's include, exclude, order and edits for that period applied: the desk's export
    is this brief. A period reads only what it holds: its documents and passages, its events,
    their claims, happenings, quantity mentions and documents, its persons."""
    check_period(since, until)
    st = ws.store
    events, documents = brief_events(ws, since, until)
    whole = not since and not until
    if not whole and not documents:
        raise PeriodError(f"no document in the ledger was published in {report_period(since, until)}")
    passages = st.passages() if whole else st.passages(since=since, until=until)
    claims = st.claims() if whole else st.claims_of_events(e["event_id"] for e in events)
    persons = st.persons() if whole else st.persons_of_documents(documents)
    extra = {c["doc_id"] for c in claims} - set(documents)
    documents.update({d["doc_id"]: d for d in st.documents_by_id(extra)})
    previous = frozenset(
        e["event_id"]
        for e in events
        if since and e.get("first_reported") and e["first_reported"][:10] < since
    )
    claims = [c for c in claims if c.get("event_id")]
    data = report.BriefInput(
        passages=passages,
        documents=documents,
        events=events,
        claims=claims,
        persons=persons,
        previous_keys=previous,
        undated_documents=0 if whole else st.undated_documents(),
        **_happenings_of(st, claims),
        decisions=decisions(ws, since, until),
        language=language,
    )
    return report.build_brief(data, since, until, items)


def _happenings_of(st: Store, claims: list[dict[str, Any]]) -> dict[str, Any]:
    """The happenings the claims are evidence of and their quantity mentions (the brief's wording
    and key numbers), read per document of those claims."""
    keys = {c.get("happening_id") for c in claims} - {None}
    docs = list(dict.fromkeys(c["doc_id"] for c in claims))
    happenings = [h for d in docs for h in st.happenings(d) if h["happening_id"] in keys]
    mentions = [m for d in docs for m in st.mentions(d, "quantity") if m.get("happening_id") in keys]
    return {"happenings": happenings, "mentions": mentions}


def decisions(ws: Workspace, since: str | None, until: str | None) -> report.Decisions:
    """The desk's brief decisions for exactly this period."""
    rows = ws.store.decisions("brief", report.decisions.period_key(since, until))
    return report.decisions.from_rows(rows)


def report_period(since: str | None, until: str | None) -> str:
    if since == until:
        return str(since)
    return f"{since or 'the start'} to {until or 'the end'}"


def write_brief(result: report.Brief, out: str | Path) -> BriefFiles:
    """Write ``OUT.md`` and ``OUT.html`` (a suffix on OUT is dropped)."""
    out = Path(out)
    base = out.with_suffix("") if out.suffix in (".md", ".html") else out
    base.parent.mkdir(parents=True, exist_ok=True)
    md, html = base.with_suffix(".md"), base.with_suffix(".html")
    # Each file is replaced whole: a reader of the old brief never sees half of the new one.
    write_text(md, report.render_markdown(result))
    write_text(html, report.render_html(result))
    return BriefFiles(result, md, html)


def export_rows(ws: Workspace, kind: str) -> Iterator[dict[str, Any]]:
    st = ws.store
    if kind == "documents":
        yield from docs(ws)
    elif kind == "passages":
        types: dict[tuple[str, int], list[str]] = defaultdict(list)
        for c in st.claims():
            if (
                c.get("paragraph_index") is not None
                and c["type"] not in types[(c["doc_id"], c["paragraph_index"])]
            ):
                types[(c["doc_id"], c["paragraph_index"])].append(c["type"])
        yield from passage_rows(st.passages(), st.removed_spans(), types)
    elif kind == "claims":
        yield from (shape("claims", c) for c in st.claims())
    elif kind == "happenings":
        yield from (shape("happenings", h) for h in st.happenings())
    elif kind == "mentions":
        yield from (shape("mentions", m) for m in st.mentions())
    elif kind == "events":
        # the outlets an event's sources are, as an editor names them (masthead, host, channel)
        yield from (shape("events", {**e, "outlets": e.get("sources") or []}) for e in st.events()[0])
    elif kind == "casualties":
        yield from (shape("casualties", {**p, "person_id": p["person_key"]}) for p in st.persons())
    else:
        raise ValueError(f"unknown export kind {kind!r}; expected one of {', '.join(report.KINDS)}")


def export(ws: Workspace, kind: str, fmt: report.export.Format, out: TextIO) -> int:
    return report.write_rows(export_rows(ws, kind), kind, fmt, out)


def export_file(ws: Workspace, kind: str, fmt: report.export.Format, path: str | Path) -> int:
    """Export into ``path`` atomically: a temporary file of its own beside it, then a rename, so
    a failed export leaves the old file (or none) and concurrent exports never mix."""
    return write_with(path, lambda fh: export(ws, kind, fmt, fh), newline="")


def export_parquet(ws: Workspace, kind: str, out: Path) -> int:
    """One kind as one Parquet file, nested fields as struct and list columns."""
    from briefwire.report.parquet import write_parquet  # noqa: PLC0415 - pyarrow loads only here

    return write_parquet(export_rows(ws, kind), kind, out)


def export_acled(ws: Workspace, out: TextIO) -> int:
    """Events as ACLED-style flat CSV, the desk's decisions applied (rejected events left out)."""
    from briefwire.report.acled import write_acled  # noqa: PLC0415

    return write_acled(ws.store.events()[0], out)


_MONTH = re.compile(r"\d{4}-\d{2}")


def export_all(ws: Workspace, out: Path, fmt: Literal["jsonl", "csv", "parquet"]) -> dict[str, int]:
    """Every kind into the folder ``out``; returns rows per kind.

    Parquet is a dataset partitioned by month (``out/KIND/month=YYYY-MM/part-0.parquet``):
    documents by publication month, events and casualties by the month first reported, the rest
    by the publication month of their document. JSONL and CSV write ``out/KIND.jsonl|csv``.
    """
    if fmt == "parquet":
        from briefwire.report.parquet import write_dataset  # noqa: PLC0415

        published = {d["doc_id"]: d.get("published") for d in ws.store.documents()}

        def month_of(kind: str, row: Mapping[str, Any]) -> str | None:
            when = row.get("first_reported") or row.get("published") or published.get(row.get("doc_id") or "")
            found = _MONTH.match(when or "")
            return found.group(0) if found else None

        return write_dataset(out, lambda kind: export_rows(ws, kind), month_of)
    out.mkdir(parents=True, exist_ok=True)
    counts = {}
    for kind in report.KINDS:
        counts[kind] = export_file(ws, kind, fmt, out / f"{kind}.{fmt}")
    return counts


def share(ws: Workspace, out: Path, keep_reviewer_names: bool = False) -> tuple[ShareResult, Path]:
    """A copy of the ledger without accounts (and operational tables) to hand out, and its
    Datasette metadata beside it (``OUT`` with the suffix ``.metadata.json``)."""
    from briefwire.store.share import share_copy  # noqa: PLC0415

    result = share_copy(ws.store.conn, out, keep_reviewer_names)
    return result, write_datasette_metadata(out, out.with_suffix(".metadata.json"))


def write_datasette_metadata(db: Path, out: Path) -> Path:
    """Datasette metadata (facets, full-text search, labels) for the ledger file ``db``."""
    from briefwire.report.datasette import metadata  # noqa: PLC0415

    out.write_text(json.dumps(metadata(db.stem), indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return out


def users(ws: Workspace) -> list[dict[str, Any]]:
    return ws.store.users()


# ---- entities and merge explanations (link stage) ---------------------------------------------
def entities(ws: Workspace, kind: str | None = None) -> list[dict[str, Any]]:
    """People, organisations and places link resolved, with aliases and how often each is named."""
    return ws.store.entities(kind)


def entity(ws: Workspace, name: str) -> dict[str, Any] | None:
    """One entity by key, name or any spelling (Latin or Cyrillic, any romanisation), with its events."""
    from briefwire.link.names import parse_name, same_person  # noqa: PLC0415

    found = ws.store.entity_by_alias(name)
    wanted = parse_name(name) if found is None else None
    if wanted is not None:
        for row in ws.store.entities("person"):
            names = [parse_name(a) for a in row["aliases"]]
            if any(n is not None and n.full == wanted.full and same_person(n, wanted) for n in names):
                found = ws.store.entity_by_alias(row["entity_key"])
                break
    if found is None:
        return None
    keys = {m["claim_key"] for m in found["mentions"] if m.get("claim_key")}
    claims = ws.store.claims()
    found["events"] = sorted({c["event_id"] for c in claims if c["claim_id"] in keys and c["event_id"]})
    return found


def why(ws: Workspace, event_id: str) -> dict[str, Any] | None:
    """How an event was assembled: each merge decision in words, the near misses, the sources."""
    from briefwire.link.explain import describe_row  # noqa: PLC0415

    event = ws.store.event(event_id)
    if event is None:
        matches = [e for e in ws.store.events()[0] if e["event_id"].startswith(event_id)]
        event = matches[0] if len(matches) == 1 else None
    if event is None:
        return None
    claims = {c["claim_id"]: c for c in ws.store.claims()}
    members = set(event["claims"])

    def label(key: str) -> str:
        c = claims.get(key)
        if c is None:
            return key
        source = c.get("outlet") or c["origin"].rsplit("/", 1)[-1]
        return f"{source} {(c.get('published') or '')[:10]} ({c['type']}: {c['quote'][:60]!r})"

    labels = {k: label(k) for k in claims}
    pairs = ws.store.link_pairs(members)
    joined = [describe_row(p, labels) for p in pairs if p["merged"]]
    missed = [describe_row(p, labels) for p in pairs if not p["merged"]][:5]
    details = ws.store.link_details("event", event["event_id"]) or {}
    return {
        "event_id": event["event_id"],
        "summary": event["summary"],
        "status": event["status"],
        "independent_sources": event["independent_sources"],
        "claims": [labels[k] for k in event["claims"] if k in labels],
        "joined": joined,
        "not_joined": missed,
        "explanation": event.get("explanation") or [],
        "details": details,
    }


# ---- live watching (issue 13): sources as data, `watch` -------------------------------------
# Re-exported here so the CLI and the desk call every verb from one place.
# (`X as X` marks each as exported for mypy.)
from briefwire.watch.api import ImportResult as ImportResult  # noqa: E402, PLC0414
from briefwire.watch.api import sources_add as sources_add  # noqa: E402, PLC0414
from briefwire.watch.api import sources_import as sources_import  # noqa: E402, PLC0414
from briefwire.watch.api import sources_list as sources_list  # noqa: E402, PLC0414
from briefwire.watch.api import sources_pause as sources_pause  # noqa: E402, PLC0414
from briefwire.watch.api import sources_remove as sources_remove  # noqa: E402, PLC0414
from briefwire.watch.api import watch as watch  # noqa: E402, PLC0414
