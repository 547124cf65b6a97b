"""Entry point for ``python -m desa_peduli``."""

import sys

from desa_peduli.cli import main

sys.exit(main())
