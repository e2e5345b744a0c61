"""What a request reaches through its app: the query pool, the settings, the dataset and the IRI minter.

``create_app`` puts them on the app; views read them here rather than spelling out config keys.
"""

from __future__ import annotations

from typing import Any

from flask import current_app

from kg.vocab import Minter
from server.dataset import DatasetInfo
from server.execution.pool import QueryPool


def pool() -> QueryPool:
    return current_app.extensions["newskg_pool"]  # type: ignore[no-any-return]


def settings() -> dict[str, Any]:
    return current_app.config["NEWSKG_SETTINGS"]  # type: ignore[no-any-return]


def dataset() -> DatasetInfo:
    return current_app.config["NEWSKG_DATASET"]  # type: ignore[no-any-return]


def minter() -> Minter:
    return current_app.extensions["newskg_minter"]  # type: ignore[no-any-return]
