"""The dashboard of the admin index: the catalogue's progress, what is published, the reviewers'
throughput and open work, the oldest items waiting, the graders' agreement and the ingested
articles waiting for a reviewer (selectors: the reads; charts: the SVG; mywork: one person's
share of the queue)."""
