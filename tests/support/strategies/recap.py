"""The recap family (Heavy Ranker): realistic table names and paths, up to dozens of tables.

The learning-rate schedules are recap models too; twhin uses the same classes.
"""

from __future__ import annotations

from tests.support.strategies.build import Flavour

TABLE_NAMES = ("user_id", "author_id", "tweet_id", "country", "language", "engaged_user",
               "media_id", "url_hash", "topic")

PATHS = ("gs://models/twhin/user/snapshot", "/snap/user", "gs://models/vocab/",
         "s3://bucket/vocab/user_id", "./vocab", "C:\\vocab\\user")

FLAVOUR = Flavour(
    strings={"name": TABLE_NAMES, "emb_name": TABLE_NAMES, "embedding_snapshot_uri": PATHS,
             "vocab": PATHS},
    max_items={"tables": 40},
)
