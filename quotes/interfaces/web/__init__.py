"""`quotes serve`: a read-only web interface over the store (Starlette, Jinja2, uvicorn).

- ``app``: the Starlette application: routes, security headers, the one error boundary;
- ``pages``: the HTML pages (home, search, a statement's history, speakers, verify);
- ``api``: the JSON endpoints (the CLI's ``--json`` records) and the export downloads;
- ``params``: query parameters checked, a bad one is a ``QueryError`` (a 400 page);
- ``views``: what the templates draw: safe links, the timeline picture, date labels;
- ``pool``: read-only store connections shared by the worker threads;
- ``server``: running the app under uvicorn.

Templates and the stylesheet ship in the package (``templates/``, ``static/``): no CDN, no script.
"""

from .app import create_app
from .server import is_loopback, serve

__all__ = ["create_app", "is_loopback", "serve"]
