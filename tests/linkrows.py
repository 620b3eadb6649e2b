"""Builders of the plain rows link reads (claims, casualty mentions, passages, documents)."""

from __future__ import annotations

import itertools
from typing import Any

_ids = itertools.count(1)


def claim(doc: str, quote: str, type_: str = "casualty", **kw: Any) -> dict[str, Any]:
    n = next(_ids)
    row: dict[str, Any] = {
        "claim_id": kw.pop("claim_id", f"c{n:04d}"),
        "event_id": None,
        "doc_id": doc,
        "origin": f"mem://{doc}",
        "type": type_,
        "theme": "losses" if type_ == "casualty" else "other",
        "summary": quote[:80],
        "date": "2022-10-03",
        "date_precision": "day",
        "date_basis": "explicit",
        "location": None,
        "actors": [],
        "quantity": None,
        "claimed_by": [],
        "stance": "reported",
        "denies": None,
        "start": n * 100,
        "end": n * 100 + len(quote),
        "quote": quote,
        "extractor": "test",
        "confidence": 0.8,
        "paragraph_index": kw.pop("paragraph_index", n),
        "outlet": None,
        "published": "2022-10-04",
        "title": None,
        "url": None,
    }
    row.update(kw)
    return row


def region(code: str, name: str) -> dict[str, Any]:
    return {"name": name, "admin1": name, "admin1_code": code, "country": code[:2], "precision": "region"}


def mention(doc: str, name: str, **kw: Any) -> dict[str, Any]:
    n = next(_ids)
    row: dict[str, Any] = {
        "mention_key": f"m{n:04d}",
        "doc_id": doc,
        "name": name,
        "start": 0,
        "end": 10,
        "quote": name,
        "age": None,
        "born": None,
        "rank": None,
        "status": "unknown",
        "home_region": None,
        "home_region_code": None,
        "home_town": None,
        "occupation": None,
        "unit": None,
        "date_of_death": None,
        "date_precision": "unknown",
        "place_of_death": None,
        "claimed_by": [],
        "origin": f"mem://{doc}",
        "published": "2022-10-04",
        "outlet": None,
    }
    row.update(kw)
    return row


def document(doc: str, outlet: str | None, **kw: Any) -> dict[str, Any]:
    return {"doc_id": doc, "origin": f"mem://{doc}", "outlet": outlet, "forwarded_from": None, **kw}
