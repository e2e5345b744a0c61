"""Scripts that build the extractor's shipped data (gazetteers, the German name tagger's model).

They run at development time only, from packages named in each script; the files they write live in
``kg/extract/data/`` and are what the extractor loads at run time.
"""
