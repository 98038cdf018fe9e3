"""Detection against real framework installs (``nox -s integration``)."""
