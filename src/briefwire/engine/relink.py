"""The writer's last step: link what a run added, reading only what it can touch.

A full re-link (``briefwire relink``) reads every claim and replaces every event, person and
entity. An incremental one (the end of every ingest) reads:

- the claims in no event yet, and the claims of their blocks (type family, weeks around their
  dates: :func:`briefwire.link.scope.block_ranges`), with every claim of the events those are in;
- for people: every claim and casualty mention of the surname groups those name, so people
  resolve exactly as over the whole ledger (resolution never looks across groups);
- the passages of re-use groups those documents share, and those documents;
- the embeddings of claim texts seen before (``claim_vectors``).

A reviewer's merge or split (:func:`relink_claims`) reads the same way, starting from the
claims of the events the decision names instead of the new ones.

``link`` then picks the scope exactly as before (``affected_claims``), and the store replaces
only what that scope touched. What it costs follows from what the run added and the blocks
and surname groups that touches, not from the size of the ledger.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from briefwire import link as link_stage
from briefwire.link.entities import surname_groups
from briefwire.link.scope import block_ranges
from briefwire.link.similarity import CallRunner
from briefwire.store import Store


def relink_all(store: Store, options: link_stage.LinkOptions | None = None) -> None:
    """Link every claim again (reviewers' decisions honoured) and replace the whole output."""
    inp = link_stage.LinkInput(
        claims=store.claims(),
        mentions=store.casualty_mentions(),
        decisions=store.decisions(),
        passages=store.passages(),
        documents=store.link_documents(),
        vectors=store,
    )
    result = link_stage.link(inp, options)
    store.replace_links(result.events, result.persons)
    store.save_link_output(result.entities, result.pairs, result.details, result.person_details)


def relink_new(
    store: Store, options: link_stage.LinkOptions | None = None, run_calls: CallRunner | None = None
) -> None:
    """Link the claims and casualty mentions no event or person holds yet (``run_calls``: where
    the claims' embeddings are computed, as ``LinkInput.run_calls``)."""
    decisions = store.decisions()
    rejected = {d["target_key"] for d in decisions if d["target_kind"] == "claim" and d["action"] == "reject"}
    new = [k for k in store.unlinked_claim_keys() if k not in rejected]
    new_mentions = store.unlinked_mention_keys()
    if not new and not new_mentions:
        return
    _relink_around(store, new, new_mentions, decisions, options, run_calls=run_calls)


def relink_claims(
    store: Store, claim_keys: Iterable[str], options: link_stage.LinkOptions | None = None
) -> None:
    """Link again what a reviewer's decision touches: these claims (the events a merge joins,
    the event a split divides), their events and blocks; every other event is kept as it is."""
    _relink_around(store, sorted(set(claim_keys)), [], store.decisions(), options)


def _relink_around(
    store: Store,
    new: list[str],
    new_mentions: list[str],
    decisions: list[dict[str, Any]],
    options: link_stage.LinkOptions | None,
    *,
    run_calls: CallRunner | None = None,
) -> None:
    new_rows = store.claims_by_key(new)
    near: set[str] = set(new)
    for type_, first, last in block_ranges(new_rows):
        near |= store.claim_keys_near(type_, first, last)
    near |= store.claim_keys_sharing_events(near - set(new))
    claims = store.claims_by_key(near)
    groups = surname_groups(claims, store.mentions_by_key(new_mentions))
    people_claims, people_mentions = store.person_group_members(groups)
    # the block's rows are read once: only the people's other claims are read besides
    extra = store.claims_by_key(people_claims - near)
    if extra:
        order = store.claim_order(near | people_claims)
        claims = sorted([*claims, *extra], key=lambda c: order[c["claim_id"]])
    mentions = store.mentions_by_key(set(new_mentions) | people_mentions)
    doc_ids = {c["doc_id"] for c in claims} | {m["doc_id"] for m in mentions}
    passages = store.reuse_passages(doc_ids)
    inp = link_stage.LinkInput(
        claims=claims,
        mentions=mentions,
        decisions=decisions,
        passages=passages,
        documents=store.link_documents_of(doc_ids | {p["doc_id"] for p in passages}),
        new_claims=frozenset(new),
        vectors=store,
        run_calls=run_calls,
    )
    result = link_stage.link(inp, options)
    store.save_relink(
        events=result.events,
        scope_claim_keys=result.scope_claim_keys or (),
        persons=result.persons,
        mention_keys=[m["mention_key"] for m in mentions],
        entities=result.entities,
        claim_keys=[c["claim_id"] for c in claims],
        person_groups=groups,
        pairs=result.pairs,
        details=result.details,
        person_details=result.person_details,
    )
