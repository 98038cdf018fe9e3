"""The framework registry: the model, the catalog data, lookup and user files."""
