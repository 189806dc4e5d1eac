"""Presentation of verification results: the JSON object, the plain fact-check report, cluster history.

Everything here returns strings or plain dicts; the CLI prints them.
"""

from __future__ import annotations

from typing import Any

from quotes.models import Cluster, Occurrence, who_said
from quotes.text import order_key

from .verify import (
    Match,
    Recheck,
    Verification,
    by_date,
    first_seen,
    main_speaker,
    merged_speakers,
    show_date,
    speaker_of,
    word_diff,
)

HEADLINES = {
    "verbatim": "VERBATIM: the words stand in the stored articles.",
    "variant": "VARIANT: close to a stored quote, but not the same words.",
    "misattributed": "MISATTRIBUTED: the words are found, but the sources give them to someone else.",
    "disputed": "DISPUTED: the sources disagree about who said these words.",
    "not_found": "NOT FOUND: no stored quote is close to these words.",
}


# -- JSON -----------------------------------------------------------------------------------------


def to_json(result: Verification) -> dict[str, Any]:
    """The ``quotes verify --json`` object."""
    checks = {r.occurrence.occurrence_id: r for r in result.rechecks}
    return {
        "query": result.query,
        "speaker_checked": result.speaker,
        "verdict": result.verdict,
        "words": "verbatim" if result.verbatim else ("variant" if result.matches else None),
        "speakers": dict(result.speakers),
        "recheck_failures": len(result.failed_rechecks),
        "matches": [match_json(m, checks) for m in result.matches],
    }


def match_json(match: Match, checks: dict[str, Recheck]) -> dict[str, Any]:
    cluster = match.cluster
    first = first_seen(cluster.occurrences)
    name, role, said = main_speaker(cluster.occurrences) if cluster.occurrences else (
        cluster.speaker, cluster.role, cluster.date)
    return {
        "cluster_id": cluster.cluster_id,
        "score": round(match.score, 1),
        "verbatim": match.verbatim,
        "text": cluster.text,
        "nearest": match.nearest.text if match.nearest else None,
        "speaker": name,
        "role": role,
        "speakers": dict(merged_speakers(cluster.occurrences).most_common()),
        "date": said,
        "first_seen": first_seen_json(first),
        "undated_after_dated": any(order_key(o.published)[0] for o in cluster.occurrences),
        "occurrences": [
            occurrence_json(o, checks.get(o.occurrence_id)) for o in by_date(cluster.occurrences)
        ],
    }


def first_seen_json(occ: Occurrence | None) -> dict[str, Any] | None:
    if occ is None:
        return None
    return {"date": occ.published, "outlet": occ.outlet, "title": occ.title, "doc": occ.source or occ.doc}


def occurrence_json(occ: Occurrence, check: Recheck | None) -> dict[str, Any]:
    return {
        "doc": occ.doc,
        "source": occ.source,
        "outlet": occ.outlet,
        "title": occ.title,
        "published": occ.published,
        "date": occ.date,
        "text": occ.text,
        "speaker": occ.speaker,
        "role": occ.role,
        "start": occ.start,
        "end": occ.end,
        "content_hash": occ.content_hash,
        "recheck": check.status if check else None,
        "recheck_found": check.found if check else None,
    }


# -- plain report ---------------------------------------------------------------------------------


def to_text(result: Verification) -> str:
    """A report a journalist can paste into a fact-check."""
    checked = result.query.strip().strip("\"'“”‘’«»")  # the user's own marks would double ours
    lines = [f"Verdict: {HEADLINES[result.verdict]}", f"Checked: “{checked}”"]
    if result.speaker:
        lines.append(f"Attributed to (as checked): {result.speaker}")
    lines.extend(recheck_warnings(result))
    lines.extend(verdict_details(result))
    for number, match in enumerate(result.matches, start=1):
        lines.append("")
        lines.extend(match_lines(number, match, result))
    return "\n".join(lines)


def recheck_warnings(result: Verification) -> list[str]:
    lines = []
    for check in result.failed_rechecks:
        occ = check.occurrence
        if check.status == "missing":
            lines.append(
                f"!! RE-CHECK FAILED: article text {occ.content_hash[:12]} of {occ.source} is not stored"
            )
        else:
            lines.append(
                f"!! RE-CHECK FAILED: {occ.source} chars {occ.start}-{occ.end} read “{check.found}”, "
                f"not the stored quote “{occ.text}”"
            )
    return lines


def verdict_details(result: Verification) -> list[str]:
    if not result.matches:
        return []
    if result.verdict in ("misattributed", "disputed"):
        words = "verbatim" if result.verbatim else "a variant"
        lines = [f"The words are {words}. The sources give them to:"]
        for name, _count in result.speakers:
            lines.append(f"  - {name}: {backers(result, name)}")
        return lines if result.verbatim else lines + diff_lines(result)
    return diff_lines(result) if result.verdict == "variant" else []


def diff_lines(result: Verification) -> list[str]:
    nearest = result.matches[0].nearest if result.matches else None
    if nearest is None:
        return []
    return [
        "Differences from the nearest stored wording ([-stored-] {+checked+}; … = stored words not checked):",
        "  " + word_diff(nearest.text, result.query, trim_ends=True),
    ]


def backers(result: Verification, name: str) -> str:
    """The outlets and dates behind one speaker of the checked words."""
    names = [n for n, _ in result.speakers]
    evidence = [m for m in result.matches if m.verbatim] or list(result.matches)
    occs = by_date(o for m in evidence for o in m.supporting if speaker_of(o, names) == name)
    return "; ".join(f"{o.outlet or '(outlet unknown)'} ({show_date(o.published)})" for o in occs)


def match_lines(number: int, match: Match, result: Verification) -> list[str]:
    cluster = match.cluster
    how = "exact words" if match.verbatim else f"similarity {match.score:.0f}/100"
    lines = [
        f"[{number}] Statement {cluster.cluster_id} ({how})",
        f"    Canonical wording: “{cluster.text}”",
        f"    Speaker: {speaker_line(cluster)}",
    ]
    lines.extend("    " + line for line in first_seen_lines(cluster.occurrences))
    checks = {r.occurrence.occurrence_id: r for r in result.rechecks}
    lines.append(f"    Carried by {len(cluster.occurrences)} article(s):")
    for occ in by_date(cluster.occurrences):
        lines.extend("      " + line for line in occurrence_lines(occ, checks.get(occ.occurrence_id)))
    return lines


def speaker_line(cluster: Cluster) -> str:
    # computed from the occurrences: lenient name merging, and dated before year-less dates
    name, role, said = main_speaker(cluster.occurrences) if cluster.occurrences else (
        cluster.speaker, cluster.role, cluster.date)
    text = who_said(name, role)
    text += f"; said {show_date(said)}" if said else "; date said unknown"
    counts = merged_speakers(cluster.occurrences)
    if len(counts) > 1:
        text += " (sources differ: " + ", ".join(f"{n} ×{c}" for n, c in counts.most_common()) + ")"
    return text


def first_seen_lines(occurrences: tuple[Occurrence, ...]) -> list[str]:
    occ = first_seen(occurrences)
    if occ is None:
        return ["First seen: unknown"]
    lines = [f"First seen: {show_date(occ.published)}, {article_ref(occ)}"]
    later = sum(1 for o in occurrences if order_key(o.published)[0])
    if order_key(occ.published)[0]:
        lines.append("  (no article carrying it gives a publication date with a year)")
    elif later:
        lines.append(f"  ({later} undated or year-less article(s) are ordered after the dated ones)")
    return lines


def said(date: str | None) -> str:
    return f"said {show_date(date)}" if date else "date said unknown"


def article_ref(occ: Occurrence) -> str:
    title = f"“{occ.title}”" if occ.title else "(untitled)"
    return f"{occ.outlet or '(outlet unknown)'}, {title}, {occ.source or occ.doc}"


def occurrence_lines(occ: Occurrence, check: Recheck | None) -> list[str]:
    who = who_said(occ.speaker, occ.role)
    status = {"ok": "OK, the article text at these offsets is the quote", "mismatch": "MISMATCH",
              "missing": "article text not stored"}
    return [
        f"- {show_date(occ.published)} | {article_ref(occ)}",
        f"  Speaker: {who}; {said(occ.date)}",
        f"  Wording: “{occ.text}”",
        f"  Re-check: chars {occ.start}-{occ.end} of sha256:{occ.content_hash[:16]}… "
        f"{status[check.status] if check else 'not re-checked'}",
    ]


# -- show: one cluster's history ------------------------------------------------------------------


def cluster_history(cluster: Cluster) -> str:
    """Every wording of a statement in date order, with word diffs against the canonical text."""
    lines = [
        f"Statement {cluster.cluster_id}",
        f"Canonical wording: “{cluster.text}”",
        f"Speaker: {speaker_line(cluster)}",
        *first_seen_lines(cluster.occurrences),
        f"Outlets: {', '.join(sorted({o.outlet or '(outlet unknown)' for o in cluster.occurrences})) or '-'}",
        "",
        "Wordings in date order ([-canonical-] {+this article+}; … = canonical words it does not quote):",
    ]
    for occ in by_date(cluster.occurrences):
        lines.append(f"- {show_date(occ.published)} | {article_ref(occ)}")
        who = who_said(occ.speaker, occ.role)
        lines.append(f"  Speaker: {who}; {said(occ.date)}")
        diff = word_diff(cluster.text, occ.text, trim_ends=True)
        same = "[-" not in diff and "{+" not in diff and "…" not in diff
        lines.append("  Same words as the canonical text" if same else f"  Diff: {diff}")
        lines.append(f"  Offsets: chars {occ.start}-{occ.end} of sha256:{occ.content_hash}")
    return "\n".join(lines)
