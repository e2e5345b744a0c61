"""The SPARQL 1.1 Protocol endpoint and what describes it: ``/sparql`` (``endpoint``) behind the ``guard``
that reads every query first, content negotiation (``conneg``), ``/dumps/``, and the service description
and VoID (``description``)."""
