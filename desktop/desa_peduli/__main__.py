"""Entry point for ``python -m desa_peduli``."""

import multiprocessing
import sys

from desa_peduli.cli import main

if __name__ == "__main__":
    multiprocessing.freeze_support()  # a frozen build starting the bundle decoder
    sys.exit(main())
