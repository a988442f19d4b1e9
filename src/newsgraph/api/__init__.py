"""The web app and REST API over a store: `create_app(ServerConfig(db=...))`."""

from newsgraph.api.app import create_app
from newsgraph.api.config import ServerConfig

__all__ = ["ServerConfig", "create_app"]
