"""The seed builds into a conforming graph (the full CLI is specified in test_cli.py)."""

from kg.store import Store


def test_seed_builds_into_one_graph_per_article_plus_entities(built_store: Store) -> None:
    assert built_store.graphs() == [
        "https://kg.example.org/graph/dw-2025-10-17-trump-putin-budapest",
        "https://kg.example.org/graph/entities",
    ]
