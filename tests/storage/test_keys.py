"""The wrapped database key is a real age file (scrypt recipient) at a bounded cost."""

from __future__ import annotations

import os
import pty
import shutil
import time

import pyrage
import pytest

from desa_peduli.errors import WrongPassphrase
from desa_peduli.storage import keys


def test_wrap_is_age_v1_with_fixed_work_factor_and_rage_reads_it():
    key = os.urandom(32)
    wrapped = keys.wrap_with_passphrase(key, "sandi-panjang-1")
    header = wrapped.split(b"\n")
    assert header[0] == b"age-encryption.org/v1"
    assert header[1].startswith(b"-> scrypt ") and header[1].endswith(b" 17")
    assert key not in wrapped
    assert pyrage.passphrase.decrypt(wrapped, "sandi-panjang-1") == key
    assert keys.unwrap_with_passphrase(wrapped, "sandi-panjang-1") == key
    with pytest.raises(WrongPassphrase):
        keys.unwrap_with_passphrase(wrapped, "sandi-panjang-2")
    # each wrap is fresh (salt, file key, nonce)
    assert keys.wrap_with_passphrase(key, "sandi-panjang-1") != wrapped


def test_tampered_wrap_is_refused():
    wrapped = bytearray(keys.wrap_with_passphrase(os.urandom(32), "sandi-panjang-1"))
    wrapped[-5] ^= 0x01
    with pytest.raises(WrongPassphrase):
        keys.unwrap_with_passphrase(bytes(wrapped), "sandi-panjang-1")


@pytest.mark.skipif(shutil.which("age") is None, reason="the age command is not installed")
def test_reference_age_command_decrypts_the_wrapped_key(tmp_path):
    key = os.urandom(32)
    (tmp_path / "key.age").write_bytes(keys.wrap_with_passphrase(key, "sandi-panjang-1"))
    pid, fd = pty.fork()
    if pid == 0:  # age reads the passphrase from its terminal
        os.execvp("age", ["age", "-d", "-o", str(tmp_path / "key.out"), str(tmp_path / "key.age")])
    seen, sent, deadline = b"", False, time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            chunk = os.read(fd, 1024)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
        if not sent and b"passphrase" in seen.lower():
            os.write(fd, b"sandi-panjang-1\n")
            sent = True
    _, status = os.waitpid(pid, 0)
    os.close(fd)
    assert os.waitstatus_to_exitcode(status) == 0, seen
    assert (tmp_path / "key.out").read_bytes() == key
