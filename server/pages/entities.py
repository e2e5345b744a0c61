"""``/entities?linked=no``: the worklist of entities no Wikidata item is linked to, read-only.

The same list as ``newskg entities todo`` (:mod:`kg.curate.worklist`), read through the query pool like every
page: most mentioned first, likely duplicates grouped, each with a few mentions and its articles. Linking and
merging are the editor's commands (``newskg entities link|merge``), which write the registry files; the
server never writes. ``Accept: application/json`` gets the same as JSON.
"""

from __future__ import annotations

import json

from flask import Blueprint, Response, render_template, request
from werkzeug.exceptions import BadRequest, NotAcceptable

from kg.curate.worklist import Row, Worklist, worklist
from server import current
from server.pages.graph import select

bp = Blueprint("entities", __name__)

JSON = "application/json"
LIMIT = 100
"""Groups a page shows unless ``?limit=`` says otherwise (at most :data:`MAX_LIMIT`)."""
MAX_LIMIT = 1000


def _select(query: str) -> list[Row]:
    return [{name: term.value for name, term in row.items()} for row in select(query)]


def _limit() -> int:
    raw = request.args.get("limit", str(LIMIT))
    if not raw.isdigit() or not 1 <= int(raw) <= MAX_LIMIT:
        raise BadRequest(f"limit is a number of groups from 1 to {MAX_LIMIT}")
    return int(raw)


@bp.get("/entities")
def unlinked() -> Response:
    """The worklist as a page or (``Accept: application/json``) as JSON."""
    accept = request.accept_mimetypes
    wanted = accept.best_match(["text/html", JSON]) if accept else "text/html"
    if wanted is None:
        raise NotAcceptable("/entities answers text/html or application/json")
    if request.args.get("linked", "no") != "no":
        raise BadRequest("only the entities no Wikidata item is linked to are listed here (linked=no)")
    found = worklist(_select, current.minter(), limit=_limit())
    if wanted == JSON:
        body = json.dumps(found.as_json(), ensure_ascii=False)
        response = Response(body + "\n", content_type=JSON)
    else:
        response = Response(page(found), content_type="text/html; charset=utf-8")
    response.vary.add("Accept")
    return response


def page(found: Worklist) -> str:
    return render_template("entities.html", worklist=found, base=current.minter().base)
