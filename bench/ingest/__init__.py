"""`make bench-ingest` (`.venv/bin/python -m bench.ingest`): the claim proposer measured on the five
catalogued articles, each read with a lexicon that never saw it. See bench/README.md."""
