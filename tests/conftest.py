"""Suite-wide settings: property tests judge correctness, never speed (that is benchmarks/' job)."""

from hypothesis import HealthCheck, settings

settings.register_profile(
    "default-no-deadline",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("default-no-deadline")
