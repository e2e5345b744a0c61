"""The newskg web server: a Flask app over the store from :mod:`kg`."""
