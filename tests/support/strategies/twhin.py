"""The twhin family (TwHIN): entity tables with their own optimizer and data type."""

from __future__ import annotations

from tests.support.strategies.build import Flavour

TABLE_NAMES = ("user", "tweet", "author", "list", "space", "hashtag")

PATHS = ("gs://twhin/snapshots/user", "/snap/tweet", "gs://twhin/vocab/")

FLAVOUR = Flavour(
    strings={"name": TABLE_NAMES, "emb_name": TABLE_NAMES, "embedding_snapshot_uri": PATHS,
             "vocab": PATHS},
    max_items={"tables": 24},
)
