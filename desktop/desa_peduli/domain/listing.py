"""What a registration list asks for (filters, search text, sort): a value type for every layer."""

from __future__ import annotations

from dataclasses import dataclass

OPEN_DUPLICATES = "open_duplicates"  # a pseudo branch state: in an unresolved duplicate pair


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
