"""The live readout beside a demo's figure: a large-type HTML table (no widgets)."""

from __future__ import annotations

from collections.abc import Sequence


def readout_table(rows: Sequence[tuple[str, str]]) -> str:
    """A large-type two-column HTML table: one (label, value) pair per row."""
    body = "".join(
        f"<tr><td style='padding:2px 12px 2px 0'>{k}</td>"
        f"<td style='font-family:monospace'>{v}</td></tr>"
        for k, v in rows
    )
    return f"<table style='font-size:1.25em'>{body}</table>"
