"""`make bench`: the content API's latency on PostgreSQL against its floor. See bench/README.md."""
