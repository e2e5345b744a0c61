"""Readers: every input newskg takes, turned into the article model. They know nothing of RDF or stores.

``dw`` reads a DW article as scraped, ``annotations`` an editor's YAML, ``registry`` the entity files, and
``yamldoc`` YAML that keeps line numbers for their error messages.
"""
