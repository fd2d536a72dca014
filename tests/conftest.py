"""Shared test settings: hypothesis runs derandomized (the same examples every run) and
without a per-example deadline, which a loaded CI machine would turn into flaky failures."""

from hypothesis import settings

settings.register_profile("course", derandomize=True, database=None, deadline=None)
settings.load_profile("course")
