"""The web view (`quotes serve`): server-rendered pages over the same library functions the CLI
calls (quotes.query, quotes.remarks.compare), on a database opened read-only.

- `app`: the ASGI application (Starlette) with its read-only engine and error pages;
- `routes`: one handler per page (search, a quotation, remarks, a remark side by side, speakers,
  a speaker), each a parse / one library call / render, like a CLI command;
- `pages`: answering a request as HTML, JSON or CSV from the same rows, and the Jinja filters
  that mark matched words and word-by-word differences (everything else is escaped);
- `datasette`: the metadata that makes the raw tables read well in datasette.

Needs the `web` extra: pip install 'quotes[web]'.
"""
