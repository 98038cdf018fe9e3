"""The framework registry: the model, the catalog data, the release facts merged from the package index, lookup and user files."""
