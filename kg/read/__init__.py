"""Readers: every input newskg takes, turned into the article model. They know nothing of RDF or stores.

``dw`` reads a DW article as scraped, ``html`` a saved page of any site (its own structured data first),
``feed`` RSS and Atom items, ``warc`` the HTML records of a web archive, ``plaintext`` a text with optional
front matter; ``sources`` finds the inputs among paths and decides which are one article (``identity``);
``annotations`` reads an editor's YAML, ``registry`` the entity files, ``yamldoc`` YAML with line numbers.
"""
