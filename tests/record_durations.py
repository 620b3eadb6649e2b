"""Write tests/durations.json from a JUnit report: seconds per test file, longest first.

``make durations`` runs the suite and calls this. The conftest hands files to the workers in
this order (longest first); only files of two seconds or more are listed.
"""

from __future__ import annotations

import json
import sys
import xml.etree.ElementTree as ET
from collections import Counter
from pathlib import Path

OUT = Path(__file__).with_name("durations.json")


def per_file(report: Path) -> dict[str, float]:
    seconds: Counter[str] = Counter()
    # the report pytest itself just wrote, not outside input
    for case in ET.parse(report).getroot().iter("testcase"):  # noqa: S314
        module = case.get("classname", "").split(".")
        if len(module) >= 2 and module[0] == "tests":
            seconds[f"{module[1]}.py"] += float(case.get("time") or 0)
    return {name: round(s) for name, s in seconds.most_common() if s >= 2}


if __name__ == "__main__":
    OUT.write_text(json.dumps(per_file(Path(sys.argv[1])), indent=1) + "\n", encoding="utf-8")
