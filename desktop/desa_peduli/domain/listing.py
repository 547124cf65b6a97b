"""What a registration list asks for (filters, search text, sort): a value type for every layer."""

from __future__ import annotations

from dataclasses import dataclass

from desa_peduli.domain.registration import STATUSES

OPEN_DUPLICATES = "open_duplicates"  # a pseudo branch state: in an unresolved duplicate pair
# Pseudo statuses a volunteer's list filters and counts by (never stored):
SENT = "sent"  # ready, and in a bundle already saved: waiting for the branch's receipt
RECEIVED = "sent_received"  # ready, sent, and a receipt says the branch has it (received)
DELETED = "deleted"  # deleted (the list shows only these, to restore one)
# the statuses the volunteer's list shows, in order: "sent" and "received" follow "ready"
LIST_STATUSES = (*STATUSES[:2], SENT, RECEIVED, *STATUSES[2:])


@dataclass
class ListQuery:
    """What the registration list shows: filters, search text and sort."""

    status: str | None = None
    village_prefix: str | None = None  # a desa code, or a kecamatan/kabupaten prefix
    occupation: str | None = None
    text: str = ""
    include_deleted: bool = False
    sort: str = "updated_at"
    descending: bool = True
    branch_state: str | None = None  # (branch) a branch state, or OPEN_DUPLICATES
    volunteer_id: str | None = None  # (branch) the sending volunteer
