"""GitHub metrics, built on the shared HTTP layer (:mod:`dlchoose._http`).

One job per module: ``_values`` (figures and reports), ``_snapshot`` (the
bundled, dated figures), ``_validate`` (every network or cache value
checked), ``_access`` (which API URL and token: decided only there),
``_ratelimit`` (headers, bounded waits), ``_limiter`` (one client's blocks
and budget), ``_errors`` (typed errors, safe server text), ``_rest`` and
``_graphql`` (the two APIs), ``_parallel`` (threads under a deadline),
``_report`` (fallbacks and notes), ``_cache`` (figures, renames and
blocks on disk) and ``_client`` (:class:`GitHubClient`,
:func:`fetch_metrics`).
"""
