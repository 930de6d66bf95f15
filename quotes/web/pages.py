"""Answering a request: one page as HTML (a Jinja template), or its rows as JSON or CSV.

The JSON and CSV of a list are written by `quotes.query.output`, the writer every CLI command
uses, so the web and the terminal give the same values. Templates escape everything they print
(autoescape); the only markup that reaches a page from the data is made here, from escaped
text: <mark> around the words a search matched, and <del>/<ins> around the words a report cut,
added or changed against the canonical wording.
"""

from __future__ import annotations

import io
import json
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlencode, urlsplit

from jinja2 import Environment, FileSystemLoader, select_autoescape
from markupsafe import Markup, escape
from starlette.exceptions import HTTPException
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response

from quotes.query.output import plain, write_csv, write_json
from quotes.query.search import MARK
from quotes.remarks.assign import DiffPart

FORMATS: Final = ("html", "json", "csv")

TEMPLATES = Path(__file__).with_name("templates")


def marked(text: str | None) -> Markup:
    """`text` escaped, with the stretches between MARKs (search matches) in <mark>."""
    if not text:
        return Markup("")
    pieces = str(text).split(MARK)
    if len(pieces) % 2 == 0:  # an odd number of marks: a literal "**" in the text
        return Markup(escape(text))
    return Markup("").join(
        Markup("<mark>{}</mark>").format(piece) if i % 2 else escape(piece)
        for i, piece in enumerate(pieces)
    )


def diff_html(parts: Iterable[DiffPart]) -> Markup:
    """A report's words against the canonical wording: cut words struck, added words inserted,
    changed words as both, each word escaped."""
    html = []
    for part in parts:
        if part.op == "same":
            html.append(escape(part.text))
        elif part.op == "cut":
            html.append(Markup('<del class="cut" title="cut">{}</del>').format(part.text))
        elif part.op == "added":
            html.append(Markup('<ins class="added" title="added">{}</ins>').format(part.text))
        else:
            html.append(
                Markup(
                    '<del class="changed" title="changed from">{}</del> '
                    '<ins class="changed" title="changed to">{}</ins>'
                ).format(part.canonical, part.text)
            )
    return Markup(" ").join(html)


def web_link(url: str | None) -> str | None:
    """`url` if it is a web address (http or https), else None: an article's url comes from
    its input file, and a `javascript:` link must never become clickable."""
    if url and urlsplit(url.strip()).scheme.lower() in ("http", "https"):
        return url.strip()
    return None


def page_params(params: Any, number: int) -> str:
    """A page's query string (its filters kept) for page `number` of a list."""
    kept = [(k, v) for k, v in params.multi_items() if k != "page"]
    return urlencode([*kept, ("page", str(number))])


def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(TEMPLATES),
        autoescape=select_autoescape(default=True, default_for_string=True),
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["marked"] = marked
    env.filters["diff"] = diff_html
    env.filters["pageparams"] = page_params
    env.filters["weblink"] = web_link
    return env


ENVIRONMENT: Final = _environment()


def requested_format(request: Request) -> str:
    """html, json or csv: from the path's suffix (/search.json) or ?format=."""
    fmt = request.path_params.get("format") or request.query_params.get("format") or "html"
    if fmt not in FORMATS:
        raise HTTPException(404, f"unknown format {fmt!r}: use .json, .csv or none")
    return str(fmt)


def page(request: Request, template: str, status: int = 200, **context: Any) -> HTMLResponse:
    """An HTML page from `template`, with the request and the links to its JSON and CSV."""
    html = ENVIRONMENT.get_template(template).render(
        request=request, as_json=other_format(request, "json"),
        as_csv=other_format(request, "csv"), **context,
    )  # fmt: skip
    return HTMLResponse(html, status_code=status)


def other_format(request: Request, fmt: str) -> str:
    """This page's URL as `fmt` (its query string kept): /search?q=x -> /search.json?q=x."""
    path = request.url.path.rstrip("/") or "/search"
    return f"{path}.{fmt}" + (f"?{request.url.query}" if request.url.query else "")


def rows_response(
    rows: Iterable[Mapping[str, Any]], columns: Sequence[str], fmt: str, name: str
) -> Response:
    """Rows as a JSON array or a CSV file (with a file name to save it under)."""
    out = io.StringIO()
    if fmt == "csv":
        write_csv(rows, columns, out)
        headers = {"Content-Disposition": f'inline; filename="{name}.csv"'}
        return Response(out.getvalue(), media_type="text/csv; charset=utf-8", headers=headers)
    write_json(rows, columns, out)
    return Response(out.getvalue(), media_type="application/json")


def record_response(record: Any) -> Response:
    """One object (a quotation, a remark, a speaker) as JSON."""
    return Response(json.dumps(jsonable(record), ensure_ascii=False), media_type="application/json")


def jsonable(value: Any) -> Any:
    """Dataclasses, tuples, dates and the like as JSON can hold them."""
    if hasattr(value, "__dataclass_fields__"):
        return {name: jsonable(getattr(value, name)) for name in value.__dataclass_fields__}
    if isinstance(value, list | tuple):
        return [jsonable(v) for v in value]
    if isinstance(value, dict):
        return {str(k): jsonable(v) for k, v in value.items()}
    return plain(value)


def error_page(request: Request, status: int, message: str) -> Response:
    """A problem as one line: a small page, or {"error": ...} for .json and .csv."""
    wants_data = (request.path_params.get("format") or request.query_params.get("format")) in (
        "json",
        "csv",
    )
    if wants_data:
        body = json.dumps({"error": message}, ensure_ascii=False)
        return Response(body, status_code=status, media_type="application/json")
    return page(request, "error.html", status=status, status_code=status, message=message)
