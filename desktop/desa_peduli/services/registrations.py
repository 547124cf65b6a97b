"""Registering workers: validate, save with autosave semantics, search, delete, history.

Shared by the form (autosave every change) and the CLI (``add FILE``, ``list``).
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import datetime as dt
import functools
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from desa_peduli import reference
from desa_peduli.domain.problems import WARNING, Problem
from desa_peduli.domain.rates import Contribution
from desa_peduli.domain.registration import DRAFT, READY
from desa_peduli.domain.validation import Validated, ValidationContext, validate
from desa_peduli.storage.registrations import ListQuery, RegistrationStore, SaveOutcome

if TYPE_CHECKING:  # the session makes this service: a cycle at run time
    from desa_peduli.services.session import Session

SIGNATURE = "signature"
KTP_PHOTO = "ktp_photo"


@dataclass
class SaveResult:
    outcome: SaveOutcome
    problems: list[Problem] = field(default_factory=list)

    @property
    def id(self) -> str:
        return self.outcome.id

    @property
    def status(self) -> str:
        return self.outcome.status

    @property
    def errors(self) -> list[Problem]:
        return [p for p in self.problems if p.is_error]


def decode_signature(value: object) -> bytes | None:
    """Signature PNG bytes from bytes or base64 text; None if absent or unreadable."""
    if value in (None, "", b""):
        return None
    if isinstance(value, bytes | bytearray):
        return bytes(value)
    if isinstance(value, str):
        try:
            return base64.b64decode(value, validate=True)
        except (binascii.Error, ValueError):
            return None
    return None


class RegistrationService:
    def __init__(self, session: Session):
        self.session = session
        self._contexts: dict[tuple[dt.date, bool, reference.ReferenceSet],
                             ValidationContext] = {}

    @functools.cached_property
    def store(self) -> RegistrationStore:
        return RegistrationStore(self.session.db, actor=self.session.actor)

    def reset(self) -> None:
        """Forget cached state (after the workspace's identity or database changed)."""
        self.__dict__.pop("store", None)
        self._contexts.clear()

    def context(self, *, require_signature_image: bool = True) -> ValidationContext:
        """The validation context for today (rebuilt when the date changes)."""
        key = (dt.date.today(), require_signature_image, reference.active())
        cache = self._contexts
        if key not in cache:
            cache.clear()
            cache[key] = dataclasses.replace(
                reference.default_context(today=key[0]), require_signature_image=require_signature_image
            )
        return cache[key]

    # -- validation -----------------------------------------------------------------------
    def validate(self, data: dict[str, Any], *, reg_id: str | None = None,
                 require_signature_image: bool = True, check_duplicates: bool = True) -> Validated:
        """Validate ``data``; adds a warning when the NIK is already registered here."""
        result = validate(data, self.context(require_signature_image=require_signature_image))
        nik = result.values.get("nik")
        if check_duplicates and nik and not any(
                p.field == "nik" and p.is_error for p in result.problems):
            others = self.store.find_by_nik(nik, exclude_id=reg_id)
            if others:
                names = ", ".join(o["full_name"] or "(tanpa nama)" for o in others[:3])
                result.problems.append(
                    Problem(
                        "nik",
                        "nik.duplicate",
                        f"NIK ini sudah terdaftar di laptop ini ({names}). Buka pendaftaran "
                        "itu untuk memeriksanya; jangan mendaftarkan orang yang sama dua kali.",
                        WARNING,
                        f"This NIK is already registered on this laptop ({names}). Open that "
                        "registration to check it; do not register the same person twice.",
                    )
                )
        return result

    # -- saving ---------------------------------------------------------------------------
    def save(
        self,
        data: dict[str, Any],
        *,
        reg_id: str | None = None,
        ktp_photo: tuple[str, bytes] | None | bool = False,
        require_signature_image: bool = True,
    ) -> SaveResult:
        """Validate and save; ``ready`` when valid and complete, else ``draft``.

        ``ktp_photo``: ``(mime, bytes)`` to set, ``None`` to remove, ``False`` to leave.
        The signature image travels in ``data["consent"]["signature_png"]`` (bytes or
        base64) and is stored as an attachment, not inside the record.
        """
        data, attachments = self.split_attachments(data, reg_id)
        result = self.validate(data, reg_id=reg_id,
                               require_signature_image=require_signature_image)
        return self.save_validated(result, reg_id=reg_id, attachments=attachments,
                                   ktp_photo=ktp_photo)

    def split_attachments(self, data: dict[str, Any], reg_id: str | None, *,
                          keep_stored_signature: bool = False) -> tuple[dict[str, Any], dict[str, Any]]:
        """Take the signature image out of ``data``.

        The form always sends the whole image (none = cleared). A file row (CLI) has no
        image column: ``keep_stored_signature`` keeps the stored one when it is omitted.
        """
        data = dict(data)
        attachments: dict[str, Any] = {}
        if not isinstance(data.get("consent"), dict):
            return data, attachments
        consent = dict(data["consent"])
        existing = self.store.attachment(reg_id, SIGNATURE) if reg_id else None
        signature = decode_signature(consent.get("signature_png"))
        if (signature is None and existing and keep_stored_signature
                and consent.get("method") == "signature"):
            signature = existing[1]
        consent["signature_png"] = signature
        data["consent"] = consent
        if signature is not None:
            attachments[SIGNATURE] = ("image/png", signature)
        elif existing:
            attachments[SIGNATURE] = None
        return data, attachments

    def save_validated(self, result: Validated, *, reg_id: str | None, attachments: dict[str, Any],
                       ktp_photo: tuple[str, bytes] | None | bool = False) -> SaveResult:
        """Store an already validated registration (``validate`` then this = ``save``)."""
        values, status, problems = self.stored_form(result)
        attachments = dict(attachments)
        if ktp_photo is not False:
            attachments[KTP_PHOTO] = ktp_photo
        outcome = self.store.save(
            values, status=status, problems=problems, reg_id=reg_id, attachments=attachments
        )
        return SaveResult(outcome, list(result.problems))

    @staticmethod
    def stored_form(result: Validated) -> tuple[dict[str, Any], str, list[dict[str, Any]]]:
        """What a validation result is stored as: values (no image bytes), status, problems."""
        values = dict(result.values)
        if isinstance(values.get("consent"), dict):
            values["consent"] = {k: v for k, v in values["consent"].items()
                                 if k != "signature_png"}
        return values, READY if result.ok else DRAFT, [p.to_dict() for p in result.problems]

    def get(self, reg_id: str) -> dict[str, Any]:
        """The stored record with ``consent.signature_png`` filled back in (bytes)."""
        record = self.store.require(reg_id)
        signature = self.store.attachment(reg_id, SIGNATURE)
        if isinstance(record.get("consent"), dict) and signature:
            record["consent"] = {**record["consent"], "signature_png": signature[1]}
        return record

    def ktp_photo(self, reg_id: str) -> tuple[str, bytes] | None:
        return self.store.attachment(reg_id, KTP_PHOTO)

    def delete(self, reg_id: str, reason: str) -> SaveOutcome:
        return self.store.soft_delete(reg_id, reason)

    def restore(self, reg_id: str) -> SaveOutcome:
        return self.store.restore(reg_id)

    def history(self, reg_id: str) -> list[dict[str, Any]]:
        return self.store.history(reg_id)

    def find_by_nik(self, nik: str, exclude_id: str | None = None) -> list[dict[str, Any]]:
        return self.store.find_by_nik(nik, exclude_id)

    def query(self, query: ListQuery) -> list[int]:
        return self.store.query_pks(query)

    def counts(self) -> dict[str, Any]:
        return self.store.counts()

    # -- contributions --------------------------------------------------------------------
    def contribution(self, values: dict[str, Any],
                     month: dt.date | str | None = None) -> Contribution | None:
        """The monthly contribution for ``values`` (None while income/occupation is missing)."""
        return reference.contribution_for(values, month or dt.date.today())
