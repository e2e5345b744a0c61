"""Scripts that build the extractor's shipped data (gazetteers, the name tagger and its calibration).

They run at development time only, from packages named in each script; the files they write live in
``kg/extract/data/`` and are what the extractor loads at run time.
"""
