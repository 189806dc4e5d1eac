"""The HTML pages. Each handler checks its parameters, reads the store, and fills a template."""

from __future__ import annotations

from starlette.requests import Request
from starlette.responses import Response

from quotes.cite import cluster_record
from quotes.provenance import HEADLINES, check_query, diff_segments, history, to_json, to_text
from quotes.provenance import verify as run_verify
from quotes.text import STOPWORDS

from .params import Params, speaker_name, statement_id
from .pool import StorePool
from .render import page
from .views import timeline

SPEAKERS_PER_PAGE = 100
STATEMENTS_PER_PAGE = 50


def pool(request: Request) -> StorePool:
    found: StorePool = request.app.state.pool
    return found


def home(request: Request) -> Response:
    counts = pool(request).stats()
    with pool(request).store() as store:
        top = store.speakers(limit=12)
    return page(request, "home.html", counts=counts, top=top, db_name=request.app.state.db_name)


def search(request: Request) -> Response:
    params = Params(request.query_params)
    form = {name: params.text(name) for name in ("q", "speaker", "outlet")}
    since, until = params.date("since"), params.date("until")
    limit = params.number("limit", 20, 1, 200)
    records = []
    if form["q"]:
        with pool(request).store() as store:
            found = store.search(
                form["q"], speaker=form["speaker"], outlet=form["outlet"], since=since, until=until, limit=limit
            )
        records = [cluster_record(c) for c in found]
    return page(
        request, "search.html", form={**form, "since": since, "until": until}, records=records, limit=limit,
        q=form["q"] or "",
    )


def cluster(request: Request) -> Response:
    cluster_id = statement_id(request.path_params["cluster_id"])
    with pool(request).store() as store:
        found = store.cluster(cluster_id)
    story = history(found)
    return page(request, "cluster.html", h=story, picture=timeline(story), record=cluster_record(found))


def speakers(request: Request) -> Response:
    number = Params(request.query_params).number("page", 1, 1, 1_000_000)
    with pool(request).store() as store:
        found = store.speakers(limit=SPEAKERS_PER_PAGE + 1, offset=(number - 1) * SPEAKERS_PER_PAGE)
    return page(
        request, "speakers.html", speakers=found[:SPEAKERS_PER_PAGE], page_number=number,
        more=len(found) > SPEAKERS_PER_PAGE, first=(number - 1) * SPEAKERS_PER_PAGE + 1,
    )


def speaker(request: Request) -> Response:
    name = speaker_name(request.path_params["name"])
    number = Params(request.query_params).number("page", 1, 1, 1_000_000)
    with pool(request).store() as store:
        person = store.speaker(name)
        found = store.speaker_clusters(
            person.name, limit=STATEMENTS_PER_PAGE + 1, offset=(number - 1) * STATEMENTS_PER_PAGE
        )
    # the store also keeps the pronoun that named them in an article ("he"): no name to show
    names = [alias for alias in person.aliases if alias.casefold() not in STOPWORDS]
    return page(
        request, "speaker.html", person=person, aliases=names,
        records=[cluster_record(c) for c in found[:STATEMENTS_PER_PAGE]],
        page_number=number, more=len(found) > STATEMENTS_PER_PAGE,
    )


def verify(request: Request) -> Response:
    params = Params(request.query_params)
    text, speaker_checked = params.text("text"), params.text("speaker", max_len=300)
    form = {"text": text, "speaker": speaker_checked}
    if text is None:
        return page(request, "verify.html", form=form, result=None)
    check_query(text)
    with pool(request).store() as store:
        result = run_verify(store, text, speaker=speaker_checked)
    nearest = result.matches[0].nearest if result.matches else None
    changes = diff_segments(nearest.text, text, trim_ends=True) if nearest and not result.verbatim else None
    return page(
        request, "verify.html", form=form, result=to_json(result), report=to_text(result), changes=changes,
        nearest=nearest, headline=HEADLINES[result.verdict],
    )
