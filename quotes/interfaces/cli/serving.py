"""The ``serve`` command: start the read-only web interface (``quotes.interfaces.web``)."""

from __future__ import annotations

from typing import Annotated

import typer

from .app import DbOption, app, boundary


@app.command()
@boundary
def serve(
    db: DbOption = None,
    host: Annotated[
        str, typer.Option(help="Address to listen on; anything but 127.0.0.1/localhost is reachable from others.")
    ] = "127.0.0.1",
    port: Annotated[int, typer.Option(min=1, max=65535, help="Port to listen on.")] = 8000,
) -> None:
    """Serve a read-only web interface: search, a statement's history, speakers, verify, export."""
    from quotes.interfaces.web import is_loopback
    from quotes.interfaces.web import serve as run
    from quotes.store import resolve_path

    path = resolve_path(db)
    if not is_loopback(host):
        typer.echo(
            f"Warning: listening on {host}: other machines can read this database (there is no login); "
            "use --host 127.0.0.1 to keep it on this machine",
            err=True,
        )
    shown = f"[{host.strip('[]')}]" if ":" in host else host
    typer.echo(f"Serving {path} read-only at http://{shown}:{port}/ (Ctrl-C stops)", err=True)
    run(path, host=host, port=port)
