"""parallel-reader: read several articles about the same story side by side.

``reader.core`` holds the analysis (no UI imports); ``reader.ui`` shows it; ``reader.cli`` wires them.
"""

__version__ = "0.1.0"
APP_NAME = "parallel-reader"
"""The name of the user folders (config, data, cache) that platformdirs places for this program."""
