"""The report rendered by a real browser (``nox -s browser``)."""
