"""The recommender: criteria, ratings, profiles, speed data and the scoring."""
