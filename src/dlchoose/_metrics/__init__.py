"""GitHub metrics: values, the bundled snapshot, the cache and the client."""
