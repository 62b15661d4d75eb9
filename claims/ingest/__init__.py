"""Taking in a new article: its text checked and decoded (text), cut into sentences, list items
and table rows with exact offsets (segments), remedy and drug names found in it (lexicon, brands,
drugnames, match), the kind read from cues (cues), population and dose as stated (details), new
remedies read from patterns (newterms), and claims proposed with their quotes (propose). score
measures the proposer against the catalogue, leaving each article out in turn.

Pure Python: nothing here touches the database, so the proposer runs the same from the command
line, the admin and the benchmark.
"""
