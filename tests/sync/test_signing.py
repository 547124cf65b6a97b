"""Key material never shows: no secret in any repr, str, log line or exception (issue 10, item 16)."""

from __future__ import annotations

import logging

from desa_peduli.services.branch import BranchService
from desa_peduli.sync.keystore import load_keys
from desa_peduli.sync.signing import AgeIdentity, SigningKey, b64


def test_no_secret_in_any_repr_str_or_log(branch, caplog):
    signing, identity = load_keys(branch.db)
    workspace = branch.workspace
    secrets = [identity.secret, b64(signing.to_bytes()), signing.to_bytes().hex(),
               workspace.key.hex(), repr(workspace.key)]
    holders = [identity, signing, AgeIdentity.generate(), SigningKey.generate(), workspace,
               branch, BranchService(branch)]
    log = logging.getLogger("desa_peduli.test")
    texts = []
    for holder in holders:
        texts += [repr(holder), str(holder), f"{holder}", f"{holder!r}"]
        log.warning("holding %r / %s", holder, holder)
    texts.append(caplog.text)
    for text in texts:
        for secret in secrets:
            assert secret not in text
        assert "AGE-SECRET-KEY" not in text
    # what they do show: the public half, to tell them apart
    assert identity.recipient in repr(identity)
    assert BranchService(branch).fingerprint() in repr(signing)


def test_a_secret_that_slips_into_a_log_message_is_masked(tmp_path):
    from desa_peduli import logs

    identity = AgeIdentity.generate()
    key = bytes(range(32))
    path = logs.setup(tmp_path)
    logging.getLogger("desa_peduli.test").error(
        "debugging: %s and PRAGMA key = \"x'%s'\"", identity.secret, key.hex())
    logs.flush()
    text = path.read_text("utf-8")
    assert identity.secret not in text and key.hex() not in text
    assert text.count("[secret]") == 2
