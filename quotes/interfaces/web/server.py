"""Running the web app under uvicorn, on 127.0.0.1 unless told otherwise."""

from __future__ import annotations

import ipaddress
from pathlib import Path

LOOPBACK_NAMES = ("localhost", "127.0.0.1", "[::1]")


def is_loopback(host: str) -> bool:
    """Only this machine can reach the address (localhost, 127.0.0.0/8, ::1)."""
    if host.lower() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


def serve(db: Path, *, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve until interrupted. Bound to a loopback address, only loopback Host names are answered."""
    import uvicorn  # imported here: `quotes --help` must not pay for the server

    from .app import create_app

    allowed = None
    if is_loopback(host):
        allowed = {*LOOPBACK_NAMES, host if ":" not in host else f"[{host.strip('[]')}]"}
    app = create_app(db, allowed_hosts=allowed)
    uvicorn.run(app, host=host.strip("[]"), port=port, server_header=False, proxy_headers=False)
