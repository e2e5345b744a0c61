"""Pages for people: the query editor, browsing, a page for every minted IRI (``routes``) built from the
graph (``views`` over ``graph``), and the SHACL report (``validation``)."""
