"""``python -m reader`` runs the same entry point as the ``parallel-reader`` command."""

import sys

from reader.cli import main

if __name__ == "__main__":
    sys.exit(main())
