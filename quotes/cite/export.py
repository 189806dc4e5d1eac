"""Citation exports of stored quote occurrences: CSL-JSON, BibTeX, RIS and Markdown (APA/MLA/Chicago).

One citation per occurrence: it names the article (outlet, title, author, publication date, URL
or file) and carries the quote and its speaker (CSL ``note``, BibTeX ``note``, RIS ``N1``).
Year-less dates are never given a year: CSL gets ``{"literal": "May 18"}``, BibTeX and RIS get
no year field and an ``addendum``/``N1`` line saying the year is unknown. The JSONL and CSV
exports belong to the store's export and are not here.
"""

from __future__ import annotations

import hashlib
import json
import re
import unicodedata
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, TextIO

from quotes.errors import ExportError
from quotes.models import Cluster, Occurrence, who_said

if TYPE_CHECKING:
    from quotes.store import Speaker

from .styles import MONTHS, STYLES, Name, Reference, cite, reference

FORMATS = ("csl-json", "bibtex", "ris", "markdown")
RECORD_FORMATS = ("jsonl", "csv")
EXPORT_FORMATS = (*RECORD_FORMATS, *FORMATS)


def write_export(fmt: str, occurrences: Iterable[Occurrence], stream: TextIO, *, style: str = "apa") -> None:
    """Any of ``EXPORT_FORMATS``: records (JSON Lines, CSV) or citations (``render``)."""
    if fmt in FORMATS:
        stream.write(render(fmt, occurrences, style=style))
    elif fmt in RECORD_FORMATS:
        write_records((occurrence_record(o) for o in occurrences), fmt, stream)
    else:
        raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(EXPORT_FORMATS)}")


def render(fmt: str, occurrences: Iterable[Occurrence], *, style: str = "apa") -> str:
    """The whole export in one of ``FORMATS`` (``style`` applies to Markdown)."""
    items = list(occurrences)
    if fmt == "csl-json":
        return json.dumps(csl_items(items), ensure_ascii=False, indent=2) + "\n"
    if fmt == "bibtex":
        return "\n".join(bibtex_entry(o, k) for o, k in zip(items, citation_keys(items), strict=True))
    if fmt == "ris":
        return "".join(ris_entry(o, k) for o, k in zip(items, citation_keys(items), strict=True))
    if fmt == "markdown":
        if style not in STYLES:
            raise ExportError(f"unknown citation style {style!r}; use one of {', '.join(STYLES)}")
        return "".join(markdown_entry(o, style) for o in items)
    raise ExportError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")


# -- shared pieces --------------------------------------------------------------------------------


def said_date(date: str) -> str:
    """A date said as written, a year-less one flagged so no reader supplies a year."""
    return f"{date}, year unknown" if date.startswith("--") else date


def quotation(text: str) -> str:
    """The words as cited: one line, without the comma the reporting clause left inside the marks
    (“…not getting any closer,” he said -> “…not getting any closer”)."""
    return " ".join(text.split()).removesuffix(",").rstrip()


def quote_note(occ: Occurrence) -> str:
    """ “quote” — Speaker, Role (said 2013-01-27) """
    who = who_said(occ.speaker, occ.role, unknown="unattributed")
    if occ.date:
        who += f" (said {said_date(occ.date)})"
    return f"“{quotation(occ.text)}” — {who}"


def slug(text: str | None) -> str:
    ascii_text = unicodedata.normalize("NFKD", text or "").encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]", "", ascii_text.lower())


def citation_keys(items: list[Occurrence]) -> list[str]:
    """Stable unique keys: author-or-outlet + year + first title word + a hash of the occurrence id.

    The hash makes a key depend only on its own occurrence, so the same quote gets the same
    key whatever else is exported with it.
    """
    keys: list[str] = []
    seen: set[str] = set()
    for occ in items:
        ref = reference(occ)
        who = slug(ref.authors[0].family or ref.authors[0].literal) if ref.authors else slug(ref.outlet)
        year = str(ref.date.year) if ref.date and ref.date.year else "nd"
        word = next((w for w in (slug(t) for t in (ref.title or "").split()) if len(w) > 3), "")
        key = f"{who or 'anon'}{year}{word}_{hashlib.sha1(occ.occurrence_id.encode()).hexdigest()[:6]}"
        unique, n = key, 1
        while unique in seen:  # a 24-bit hash collision within one export
            n += 1
            unique = f"{key}{n}"
        seen.add(unique)
        keys.append(unique)
    return keys


def yearless(ref: Reference) -> str | None:
    """ "May 18" for a date whose year is unknown."""
    date = ref.date
    if date is None or date.year is not None or not date.month:
        return None
    return f"{MONTHS[date.month - 1]} {date.day}" if date.day else MONTHS[date.month - 1]


# -- CSL-JSON -------------------------------------------------------------------------------------


def csl_items(items: list[Occurrence]) -> list[dict[str, Any]]:
    return [csl_item(o, k) for o, k in zip(items, citation_keys(items), strict=True)]


def csl_item(occ: Occurrence, key: str) -> dict[str, Any]:
    ref = reference(occ)
    item: dict[str, Any] = {"id": key, "type": "article-newspaper"}
    if ref.title:
        item["title"] = ref.title
    if ref.outlet:
        item["container-title"] = ref.outlet
    if ref.authors:
        item["author"] = [csl_name(n) for n in ref.authors]
    if ref.date and ref.date.year:
        item["issued"] = {"date-parts": [[p for p in (ref.date.year, ref.date.month, ref.date.day) if p]]}
    elif yearless(ref):  # the schema's date-parts need a year; literal prints what is known
        item["issued"] = {"literal": yearless(ref)}
    if ref.url:
        item["URL"] = ref.url
    item["note"] = quote_note(occ)
    item["custom"] = provenance(occ, ref)
    return item


def csl_name(name: Name) -> dict[str, str]:
    if name.literal:
        return {"literal": name.literal}
    out = {"family": name.family, "given": name.given}
    if name.suffix:
        out["suffix"] = name.suffix
    return out


def provenance(occ: Occurrence, ref: Reference) -> dict[str, Any]:
    """What lets anyone re-check the quote against the stored article text."""
    data: dict[str, Any] = {
        "quote": occ.text, "speaker": occ.speaker, "role": occ.role, "date_said": occ.date,
        "published": occ.published, "cluster_id": occ.cluster_id, "occurrence_id": occ.occurrence_id,
        "content_hash": occ.content_hash, "start": occ.start, "end": occ.end,
    }
    if ref.file:
        data["file"] = ref.file
    return {k: v for k, v in data.items() if v is not None}


# -- BibTeX ---------------------------------------------------------------------------------------

_SPECIAL = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "&": r"\&", "$": r"\$", "#": r"\#",
    "_": r"\_", "~": r"\textasciitilde{}", "^": r"\textasciicircum{}",
}
_ACCENTS = {
    "\u0301": "'", "\u0300": "`", "\u0302": "^", "\u0308": '"', "\u0303": "~", "\u0304": "=", "\u0307": ".",
    "\u0327": "c ", "\u030c": "v ", "\u030a": "r ", "\u0306": "u ", "\u030b": "H ", "\u0328": "k ",
}
_LETTERS = {
    "ß": r"{\ss}", "æ": r"{\ae}", "Æ": r"{\AE}", "ø": r"{\o}", "Ø": r"{\O}", "ł": r"{\l}", "Ł": r"{\L}",
    "œ": r"{\oe}", "Œ": r"{\OE}", "ı": r"{\i}", "–": "--", "—": "---", "“": "``", "”": "''", "‘": "`",
    "’": "'", "…": r"{\ldots}", "\u00a0": "~", "«": r"{\guillemotleft}", "»": r"{\guillemotright}",
    "€": r"{\texteuro}", "£": r"{\pounds}", "°": r"{\textdegree}",
}


def latex_escape(text: str) -> str:
    """BibTeX-safe text: LaTeX specials escaped, accented Latin letters as accent macros.

    Characters with no LaTeX macro (Cyrillic, CJK) stay as UTF-8, which biber and
    bibtexparser read; no brace is ever left unbalanced.
    """
    out: list[str] = []
    for ch in " ".join(text.split()):
        if ch in _SPECIAL:
            out.append(_SPECIAL[ch])
        elif ch.isascii():
            out.append(ch)
        elif ch in _LETTERS:
            out.append(_LETTERS[ch])
        else:
            out.append(accented(ch))
    return "".join(out)


def accented(ch: str) -> str:
    decomposed = unicodedata.normalize("NFD", ch)
    base, marks = decomposed[0], decomposed[1:]
    if not base.isascii() or len(marks) != 1 or marks not in _ACCENTS:
        return ch
    if base == "i":
        base = r"\i"  # dotless i under an accent, as LaTeX expects
    return "{\\" + _ACCENTS[marks] + base + "}"


def bibtex_entry(occ: Occurrence, key: str) -> str:
    ref = reference(occ)
    fields: list[tuple[str, str]] = []
    if ref.authors:
        fields.append(("author", " and ".join(bib_name(n) for n in ref.authors)))
    if ref.title:
        fields.append(("title", "{" + latex_escape(ref.title) + "}"))  # inner braces keep its case
    if ref.outlet:
        fields.append(("journal", latex_escape(ref.outlet)))
    fields.extend(bib_date(ref))
    if ref.url:
        # url is verbatim in biblatex: only braces, which would unbalance the field, are encoded
        fields.append(("url", ref.url.replace("{", "%7B").replace("}", "%7D")))
    fields.append(("note", latex_escape(quote_note(occ))))
    addendum = [f"Published {yearless(ref)}, year unknown"] if yearless(ref) else []
    if ref.file:
        addendum.append(f"Local file: {ref.file}")
    if addendum:
        fields.append(("addendum", latex_escape("; ".join(addendum))))
    body = ",\n".join(f"  {name} = {{{value}}}" for name, value in fields)
    return f"@article{{{key},\n{body}\n}}\n"


def bib_name(name: Name) -> str:
    if name.literal:
        return "{" + latex_escape(name.literal) + "}"  # braced: an organisation is not split
    text = f"{name.family}, {name.suffix}, {name.given}" if name.suffix else f"{name.family}, {name.given}"
    return latex_escape(text)


def bib_date(ref: Reference) -> list[tuple[str, str]]:
    date = ref.date
    if date is None or date.year is None:
        return []
    fields = [("year", str(date.year)), ("date", date.iso())]
    if date.month:
        fields.append(("month", str(date.month)))
    return fields


# -- RIS ------------------------------------------------------------------------------------------


def ris_entry(occ: Occurrence, key: str) -> str:
    ref = reference(occ)
    lines = [("TY", "NEWS"), ("ID", key)]
    lines.extend(("AU", ris_name(n)) for n in ref.authors)
    if ref.title:
        lines.append(("TI", ref.title))
    if ref.outlet:
        lines.append(("T2", ref.outlet))
    if ref.date and ref.date.year:
        lines.append(("PY", str(ref.date.year)))
        month, day = ref.date.month, ref.date.day
        lines.append(("DA", f"{ref.date.year}/{month or 0:02d}/{day or 0:02d}/".replace("/00", "/")))
    if ref.url:
        lines.append(("UR", ref.url))
    if ref.file:
        lines.append(("L1", ref.file))
    lines.append(("N1", quote_note(occ)))
    if yearless(ref):
        lines.append(("N1", f"Published {yearless(ref)}, year unknown"))
    lines.append(("ER", ""))
    return "".join(f"{tag}  - {' '.join(value.split())}\n" for tag, value in lines)


def ris_name(name: Name) -> str:
    if name.literal:
        return name.literal
    return f"{name.family}, {name.given}, {name.suffix}" if name.suffix else f"{name.family}, {name.given}"


# -- Markdown -------------------------------------------------------------------------------------


def markdown_entry(occ: Occurrence, style: str) -> str:
    """One bullet: the citation, then the quote and its speaker as a block quote."""
    who = who_said(occ.speaker, occ.role, unknown="unattributed")
    if occ.date:
        who += f" ({said_date(occ.date)})"
    return f"- {cite(occ, style)}\n  > \"{quotation(occ.text)}\" — {who}\n"


# -- plain records: JSON Lines and CSV ---------------------------------------------------------------


def cluster_record(cluster: Cluster) -> dict[str, Any]:
    outlets = sorted({o.outlet for o in cluster.occurrences if o.outlet})
    return {
        "cluster_id": cluster.cluster_id, "text": cluster.text, "speaker": cluster.speaker,
        "role": cluster.role, "date": cluster.date, "outlets": outlets,
        "occurrences": len(cluster.occurrences), "speakers": [name for name, _ in cluster.speakers],
        "disputed": cluster.disputed,
    }


def speaker_record(speaker: Speaker) -> dict[str, Any]:
    return {
        "name": speaker.name, "aliases": list(speaker.aliases), "quotes": speaker.quotes,
        "roles": [{"role": r, "first_seen": a, "last_seen": b} for r, a, b in speaker.roles],
    }


def occurrence_record(occ: Occurrence) -> dict[str, Any]:
    return {
        "cluster_id": occ.cluster_id, "doc": occ.doc, "outlet": occ.outlet, "published": occ.published,
        "text": occ.text, "start": occ.start, "end": occ.end, "speaker": occ.speaker, "role": occ.role,
        "date": occ.date, "cue": occ.cue, "kind": occ.kind, "source": occ.source,
        "occurrence_id": occ.occurrence_id, "content_hash": occ.content_hash,
    }


def write_records(records: Iterable[dict[str, Any]], fmt: str, stream: TextIO) -> None:
    """JSON Lines or CSV (lists joined with '; '), one record per line/row."""
    import csv

    writer: csv.DictWriter[str] | None = None
    for record in records:
        if fmt == "jsonl":
            stream.write(json.dumps(record, ensure_ascii=False) + "\n")
            continue
        if writer is None:
            writer = csv.DictWriter(stream, fieldnames=list(record), lineterminator="\n")
            writer.writeheader()
        writer.writerow({k: "; ".join(v) if isinstance(v, list) else v for k, v in record.items()})
