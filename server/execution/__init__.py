"""Where queries run and are cut off: the pool of query slots (``pool``), the ``zygote`` that forks the
``query_process``es, their ``sandbox`` and ``malloc`` settings, dumps in a ``dump_process`` of their own, and
the pass-through to a ``remote`` store. Nothing here speaks HTTP to clients: no Flask, no werkzeug.
"""
