"""Plain-text pieces shared by reports and exports: tables, speaker labels (no dependency: the CLI
must start fast)."""

from __future__ import annotations

from collections.abc import Sequence


def table(headers: Sequence[str], rows: Sequence[Sequence[str]]) -> str:
    """Left-aligned columns separated by two spaces, with a rule under the header."""
    if not rows:
        return "(no results)"
    widths = [max(len(str(cell)) for cell in column) for column in zip(headers, *rows, strict=False)]
    lines = [fmt_row(headers, widths), fmt_row(["-" * w for w in widths], widths)]
    lines.extend(fmt_row([str(c) for c in row], widths) for row in rows)
    return "\n".join(lines)


def fmt_row(cells: Sequence[str], widths: Sequence[int]) -> str:
    return "  ".join(cell.ljust(width) for cell, width in zip(cells, widths, strict=False)).rstrip()


def shorten(text: str, width: int) -> str:
    """``text`` on one line in at most ``width`` characters, cut at a word boundary with "…"."""
    flat = " ".join(text.split())
    if len(flat) <= width:
        return flat
    cut = flat[: width - 1]
    space = cut.rfind(" ")
    if space >= width // 2:  # a word boundary not too far back; else one very long word is cut
        cut = cut[:space]
    return cut.rstrip(" ,;:") + "…"


def role_span(role: str, first: str | None, last: str | None) -> str:
    if not first:
        return role
    return f"{role} ({first})" if first == last else f"{role} ({first}..{last})"
