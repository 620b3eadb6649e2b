"""Writing an incremental re-link: only what it touched is replaced (issue 15).

A full re-link replaces events, persons, entities and link's reasoning whole
(``replace_links`` + ``save_link_output``). An incremental one re-linked a scope of claims, the
casualty mentions of the surname groups those name, and the claims of those groups: events
touching the scope, the persons of those mentions, and the entity mentions of those claims and
mentions are replaced; every other row stays as it is. All in one transaction.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from .db import chunks, transaction

if TYPE_CHECKING:
    from briefwire.link.entities import Entity
    from briefwire.link.features import PairScore
    from briefwire.models import LinkedEvent, LinkedPerson


class LinkWrites:
    conn: sqlite3.Connection

    # provided by EventStore and EntityStore
    def _replace_events(self, events: Sequence[LinkedEvent], scope_claim_keys: Sequence[str] | None) -> None:
        raise NotImplementedError

    def _insert_person(self, p: LinkedPerson) -> None:
        raise NotImplementedError

    def _insert_entity(self, e: Entity) -> None:
        raise NotImplementedError

    def _merged(self, pairs: Sequence[PairScore]) -> list[tuple[PairScore, bool]]:
        raise NotImplementedError

    def save_relink(
        self,
        *,
        events: Sequence[LinkedEvent],
        scope_claim_keys: Sequence[str],
        persons: Sequence[LinkedPerson],
        mention_keys: Sequence[str],
        entities: Sequence[Entity],
        claim_keys: Sequence[str],
        person_groups: Iterable[str],
        pairs: Sequence[PairScore],
        details: Mapping[str, Mapping[str, Any]],
        person_details: Mapping[str, Mapping[str, Any]],
    ) -> None:
        """Store an incremental re-link.

        ``scope_claim_keys``: the claims re-linked into ``events``; ``mention_keys``: the
        mentions ``persons`` were built from (every mention of their surname groups);
        ``claim_keys``/``person_groups``: the claims whose entity mentions ``entities`` hold,
        for people only those of ``person_groups`` (resolved in full).
        """
        with transaction(self.conn):
            before = self._event_keys_of(scope_claim_keys)
            self._replace_events(events, scope_claim_keys)
            gone_events = before - {e.event_key for e in events}
            gone_persons = self._replace_persons_of(persons, mention_keys)
            self._replace_entity_mentions(entities, claim_keys, mention_keys, set(person_groups))
            self._replace_pairs(pairs, scope_claim_keys)
            self._delete_details("event", gone_events)
            self._delete_details("person", gone_persons)
            rows = [("event", k, json.dumps(v, ensure_ascii=False, default=list)) for k, v in details.items()]
            rows += [
                ("person", k, json.dumps(v, ensure_ascii=False, default=list))
                for k, v in person_details.items()
            ]
            self.conn.executemany("INSERT OR REPLACE INTO link_details VALUES (?, ?, ?)", rows)

    def _event_keys_of(self, claim_keys: Sequence[str]) -> set[str]:
        out: set[str] = set()
        for chunk in chunks(claim_keys):
            marks = ",".join("?" * len(chunk))
            out.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT e.event_key FROM claims c JOIN events e USING (event_id) "
                    f"WHERE c.claim_key IN ({marks})",
                    chunk,
                )
            )
        return out

    def _replace_persons_of(self, persons: Sequence[LinkedPerson], mention_keys: Sequence[str]) -> set[str]:
        """Replace the persons these mentions belong to by ``persons``; the keys that went."""
        before: set[str] = set()
        for chunk in chunks(mention_keys):
            marks = ",".join("?" * len(chunk))
            before.update(
                r[0]
                for r in self.conn.execute(
                    f"SELECT DISTINCT p.person_key FROM casualty_mentions m JOIN persons p USING (person_id) "
                    f"WHERE m.mention_key IN ({marks})",
                    chunk,
                )
            )
        # deleting a person clears its mentions' person_id (ON DELETE SET NULL)
        self.conn.executemany("DELETE FROM persons WHERE person_key = ?", [(k,) for k in before])
        for p in persons:
            self._insert_person(p)
        return before - {p.person_key for p in persons}

    def _replace_entity_mentions(
        self,
        entities: Sequence[Entity],
        claim_keys: Sequence[str],
        mention_keys: Sequence[str],
        groups: set[str],
    ) -> None:
        touched: set[int] = set()
        for column, keys in (("claim_key", claim_keys), ("mention_key", mention_keys)):
            for chunk in chunks(keys):
                marks = ",".join("?" * len(chunk))
                for mention_rowid, entity_id, entity_key, kind in self.conn.execute(
                    f"SELECT m.rowid, e.entity_id, e.entity_key, e.kind FROM entity_mentions m "
                    f"JOIN entities e USING (entity_id) WHERE m.{column} IN ({marks})",
                    chunk,
                ).fetchall():
                    if kind == "person" and _person_group(entity_key) not in groups:
                        continue  # a person of a group not resolved in full here: left as it is
                    self.conn.execute("DELETE FROM entity_mentions WHERE rowid = ?", (mention_rowid,))
                    touched.add(int(entity_id))
        for e in entities:
            if e.kind != "person" or _person_group(e.key) in groups:
                self._insert_entity(e)
        self.conn.executemany(
            "DELETE FROM entities WHERE entity_id = ? AND NOT EXISTS "
            "(SELECT 1 FROM entity_mentions WHERE entity_id = ?)",
            [(i, i) for i in touched],
        )

    def _replace_pairs(self, pairs: Sequence[PairScore], scope_claim_keys: Sequence[str]) -> None:
        self.conn.executemany(
            "DELETE FROM link_pairs WHERE claim_a = ? OR claim_b = ?", [(k, k) for k in scope_claim_keys]
        )
        self.conn.executemany(
            "INSERT OR REPLACE INTO link_pairs(claim_a, claim_b, score, merged, veto, features_json) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            [
                (p.a, p.b, p.score, int(merged), p.veto, json.dumps(p.features))
                for p, merged in self._merged(pairs)
            ],
        )

    def _delete_details(self, kind: str, keys: Iterable[str]) -> None:
        self.conn.executemany(
            "DELETE FROM link_details WHERE kind = ? AND target_key = ?", [(kind, k) for k in keys]
        )


def _person_group(entity_key: str) -> str | None:
    """The surname group of a person entity key: ``person:<surname skeleton>|<given>`` (0003)."""
    if not entity_key.startswith("person:"):
        return None
    return entity_key[len("person:") :].split("|", 1)[0]
