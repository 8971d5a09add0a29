"""Every alert line the tests write is checked against the JSON Schema the package ships
(monitor/alert-line.schema.json): in-process writes through the conftest fixture, the lines of
a `monitor run` subprocess through daemon_helpers.alert_lines."""

from __future__ import annotations

import json
from typing import Any

from jsonschema import Draft202012Validator

from monitor.alerts import ALERT_SCHEMA, SCHEMA_FILE

SCHEMA = json.loads(SCHEMA_FILE.read_text(encoding="utf-8"))
Draft202012Validator.check_schema(SCHEMA)
VALIDATOR = Draft202012Validator(SCHEMA)
assert SCHEMA["properties"]["schema"]["const"] == ALERT_SCHEMA
checked = [0]  # alert lines validated in this session (a test asserts the hooks ran)


def check_alert(line: dict[str, Any], where: str = "alert line") -> None:
    """Raise AssertionError naming every way ``line`` departs from the schema."""
    errors = sorted(VALIDATOR.iter_errors(line), key=lambda e: list(e.absolute_path))
    if errors:
        problems = "; ".join(
            f"{'/'.join(map(str, e.absolute_path)) or '(top level)'}: {e.message}" for e in errors)
        raise AssertionError(
            f"{where} does not follow {SCHEMA_FILE.name} ({problems}); a new field is "
            f"documented in monitor/{SCHEMA_FILE.name} in the change that writes it")
    checked[0] += 1
