"""The hostile-input corpus: small, deterministic files built in code, one per way a file
the app reads can be wrong (empty, random, cut short, too long, too deep, wrong types,
NUL bytes, BOMs, UTF-16, a zip that is no workbook, a zip bomb, a valid file of another
kind). ``entries(kind, world)`` gives ``{name: bytes}`` for a reader's file kind."""

from __future__ import annotations

import io
import json
import random
import re
import zipfile

KB, MB = 1024, 1024**2

# -- building blocks ----------------------------------------------------------------------


def xlsx(rows: list[list]) -> bytes:
    """A real workbook (openpyxl's normal writer: shared strings, a dimension) of ``rows``."""
    from openpyxl import Workbook

    workbook = Workbook()
    for row in rows:
        workbook.active.append(row)
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()


def rezip(data: bytes, replace: dict[str, bytes]) -> bytes:
    """``data`` (a zip) with some members' content replaced."""
    out = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(data)) as source, \
            zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            target.writestr(info.filename, replace.get(info.filename, source.read(info)))
        for name in sorted(set(replace) - set(source.namelist())):
            target.writestr(name, replace[name])
    return out.getvalue()


def shared_strings_bomb(unpacked: int = 40 * MB) -> bytes:
    """A workbook a few hundred KB long whose shared-strings table unpacks to ``unpacked``
    bytes of one-letter strings: openpyxl would load every one of them into memory."""
    item = b"<si><t>a</t></si>"
    count = unpacked // len(item)
    table = (b'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats'
             b'.org/spreadsheetml/2006/main" count="%d" uniqueCount="%d">' % (count, count)
             + item * count + b"</sst>")
    data = xlsx([["nik", "full_name"], ["x", "y"]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        types = archive.read("[Content_Types].xml").replace(b"</Types>", (
            b'<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.'
            b'openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/></Types>'))
        rels = archive.read("xl/_rels/workbook.xml.rels").replace(b"</Relationships>", (
            b'<Relationship Id="rIdSS" Type="http://schemas.openxmlformats.org/officeDocument/'
            b'2006/relationships/sharedStrings" Target="sharedStrings.xml"/></Relationships>'))
    return rezip(data, {"xl/sharedStrings.xml": table, "[Content_Types].xml": types,
                        "xl/_rels/workbook.xml.rels": rels})


def absurd_dimensions() -> bytes:
    """A workbook whose sheet declares A1:XFD1048576 and has a cell in the last row."""
    data = xlsx([["nik", "kpj"], ["1", "2"]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    sheet, count = re.subn(r'<dimension ref="[^"]*"\s*/>', '<dimension ref="A1:XFD1048576"/>',
                           sheet)
    assert count == 1
    sheet = sheet.replace("</sheetData>", '<row r="1048576"><c r="XFD1048576" t="n"><v>1</v>'
                          "</c></row></sheetData>")
    return rezip(data, {"xl/worksheets/sheet1.xml": sheet.encode()})


def row_bomb(cells: int = 400_000, *, value: str = "1") -> bytes:
    """A workbook a few KB long with one row of ``cells`` cells (no ``r`` attribute, so no
    column limit applies): openpyxl parses a whole row into memory before it yields it."""
    data = xlsx([["nik", "kpj"], ["1", "2"]])
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        sheet = archive.read("xl/worksheets/sheet1.xml").decode()
    sheet = re.sub(r'<dimension ref="[^"]*"\s*/>', "", sheet)
    row = '<row r="3">' + f'<c t="n"><v>{value}</v></c>' * cells + "</row>"
    return rezip(data, {"xl/worksheets/sheet1.xml": sheet.replace(
        "</sheetData>", row + "</sheetData>").encode()})


def damaged_sheet() -> bytes:
    """A workbook whose sheet XML is cut off and points at a shared string that is not there."""
    return rezip(xlsx([["nik", "kpj"], ["1", "2"]]), {
        "xl/worksheets/sheet1.xml": b'<worksheet xmlns="http://schemas.openxmlformats.org/'
        b'spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="s"><v>999</v></c>'})


def plain_zip() -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as archive:
        archive.writestr("hello.txt", "halo")
    return out.getvalue()


def deep_json(depth: int = 100_000) -> bytes:
    return b"[" * depth + b"]" * depth


def deep_object(depth: int = 50_000) -> bytes:
    return b'{"a":' * depth + b"1" + b"}" * depth


WRONG_TYPES = {  # every field of every file format, with the wrong type
    "nik": 1504054203880001, "full_name": ["Siti"], "programs": 5, "heirs": "x",
    "consent": 1, "declared_income": "1e999", "birth_date": 19880302, "village_code": None,
    "format": "satu", "kind": 7, "version": {"x": 1}, "volunteer_id": [], "records": "x",
    "counts": "banyak", "rules": [], "bands_file": 12, "seq_from": "a", "created_at": 5,
}


# -- the corpus ---------------------------------------------------------------------------
def generic() -> dict[str, bytes]:
    """Wrong for every reader."""
    rng = random.Random(20261203)
    return {
        "empty": b"",
        "random": bytes(rng.getrandbits(8) for _ in range(4 * KB)),
        "nul-bytes": b"nik,full_name\n\x00\x00\x00\x00,\x00\n",
        "utf16": "nik,full_name,kpj\n12,Siti,3\n".encode("utf-16"),
        "utf8-bom-garbage": b"\xef\xbb\xbf" + b'{"tidak": "berguna"}\n',
        "huge-line": b"a" * (9 * MB),
        "deep-json": deep_json(),
        "deep-object": deep_object(),
        "json-list": b"[1, 2, 3]\n",
        "wrong-types": json.dumps(WRONG_TYPES).encode() + b"\n",
        "mixed-endings": b"nik,full_name\r\n12,\rSiti\n\r\n34,Budi\r",
        "unclosed-quote": b'nik,full_name\n"1504054203880001,Siti\n',
        "cp1252": b"nik;nama;kpj\nJos\xe9;1;2\n",
        "zip-not-xlsx": plain_zip(),
    }


def xlsx_only() -> dict[str, bytes]:
    valid = xlsx([["nik", "kpj"], ["1", "2"]])
    return {
        "xlsx-zip-bomb": shared_strings_bomb(),
        "xlsx-absurd-dimensions": absurd_dimensions(),
        "xlsx-damaged-sheet": damaged_sheet(),
        "xlsx-truncated": valid[: len(valid) // 2],
    }


def of_other_kinds(world) -> dict[str, bytes]:
    """Valid files, each of some kind: a reader is given every kind but its own."""
    return {
        "kind-bundle": world.bundle.read_bytes(),
        "kind-receipt": world.receipt.read_bytes(),
        "kind-enrolment": world.enrolment.read_bytes(),
        "kind-registrations": world.registrations.read_bytes(),
        "kind-kpj-results": world.kpj_results.read_bytes(),
        "kind-rules": world.rules.read_bytes(),
        "kind-occupations": world.occupations.read_bytes(),
        "kind-bundle-truncated": world.bundle.read_bytes()[: world.bundle.stat().st_size // 2],
        "kind-receipt-truncated": world.receipt.read_bytes()[: world.receipt.stat().st_size // 2],
        "kind-enrolment-truncated":
            world.enrolment.read_bytes()[: world.enrolment.stat().st_size // 2],
    }
