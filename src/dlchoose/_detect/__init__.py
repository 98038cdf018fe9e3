"""Detection of installed frameworks: the fast scan, the probe and the environment report."""
