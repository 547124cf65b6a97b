"""Child process: only the passphrase unwrap (age scrypt) of a workspace's key.

    DESA_PEDULI_PASSPHRASE=... python _child_unwrap.py WORKSPACE

Prints one JSON line with the seconds the unwrap took (the parent measures peak RSS).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path


def main() -> int:
    from desa_peduli.storage import keys
    from desa_peduli.storage.workspace import KEY_DIR, PASSPHRASE_KEY_FILE

    wrapped = (Path(sys.argv[1]) / KEY_DIR / PASSPHRASE_KEY_FILE).read_bytes()
    header = wrapped.decode("ascii", "replace")
    start = time.perf_counter()
    keys.unwrap_with_passphrase(wrapped, os.environ["DESA_PEDULI_PASSPHRASE"])
    elapsed = time.perf_counter() - start
    log_n = _scrypt_log_n(header)
    print(json.dumps({"unwrap_s": elapsed, "scrypt_log_n": log_n}))
    return 0


def _scrypt_log_n(armored: str) -> int | None:
    """The scrypt work factor from the age header (``-> scrypt SALT LOGN``)."""
    import base64

    body = "".join(line for line in armored.splitlines() if not line.startswith("-----"))
    try:
        header = base64.b64decode(body)
    except ValueError:
        return None
    for line in header.split(b"\n"):
        if line.startswith(b"-> scrypt "):
            return int(line.split()[-1])
    return None


if __name__ == "__main__":
    sys.exit(main())
