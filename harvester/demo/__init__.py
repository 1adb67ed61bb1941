"""The bundled sample site behind `pubharvest demo`, and the loopback server that serves it."""

from __future__ import annotations

from .server import DemoSite, LoggedRequest, load_manifest, serve_site, site_dir

__all__ = ["DemoSite", "LoggedRequest", "load_manifest", "serve_site", "site_dir"]
