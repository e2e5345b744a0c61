"""Benchmarks of newskg: synthetic corpora and measurements of ingest, storage and queries."""
