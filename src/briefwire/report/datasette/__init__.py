"""Datasette metadata for a briefwire ledger: facets, full-text search, labels, what is hidden.

The shipped ``metadata.json`` describes tables and views independently of a file name;
Datasette keys metadata by database name (the file's stem), so :func:`metadata` puts it under
the name of the file it is for.
"""

from __future__ import annotations

import json
from importlib import resources
from typing import Any


def template() -> dict[str, Any]:
    """The shipped metadata, keyed by table and view name."""
    text = (resources.files("briefwire.report.datasette") / "metadata.json").read_text(encoding="utf-8")
    data: dict[str, Any] = json.loads(text)
    return data


def metadata(database: str) -> dict[str, Any]:
    """Metadata for ``datasette FILE --metadata M.json``, where FILE's stem is ``database``."""
    data = template()
    tables, queries = data.pop("tables"), data.pop("queries")
    return {**data, "databases": {database: {"tables": tables, "queries": queries}}}
