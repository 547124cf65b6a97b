"""Prove every dependency installs on 64-bit Windows from wheels alone (no compiler needed).

    python tools/check_windows_wheels.py [--extra packaging] [--python-version 3.11] [-d DIR]

Runs ``pip download --only-binary :all: --platform win_amd64`` for the project (and the
extra), then also the requirements that only Windows asks for: pip evaluates environment
markers such as ``sys_platform == "win32"`` for the machine it runs on, not for
``--platform`` (so on Linux it skips PyInstaller's ``pefile`` and ``pywin32-ctypes``).
Last it checks that the ``sqlcipher3`` wheel carries ``sqlcipher3.dbapi2``, FTS5 and
SQLCipher 4 (the database format). Exit 0 when all of it holds; needs PyPI.
"""

from __future__ import annotations

import argparse
import re
import subprocess
import sys
import tempfile
import zipfile
from email.parser import Parser
from pathlib import Path

from packaging.requirements import Requirement
from packaging.utils import canonicalize_name, parse_wheel_filename

ROOT = Path(__file__).resolve().parent.parent


def windows_environment(python_version: str) -> dict[str, str]:
    return {
        "os_name": "nt", "sys_platform": "win32", "platform_system": "Windows",
        "platform_machine": "AMD64", "platform_release": "10", "platform_version": "10.0",
        "implementation_name": "cpython", "platform_python_implementation": "CPython",
        "implementation_version": f"{python_version}.0", "python_version": python_version,
        "python_full_version": f"{python_version}.0", "extra": "",
    }


def pip_download(specs: list[str], target: Path, python_version: str) -> None:
    subprocess.run(
        [sys.executable, "-m", "pip", "download", "--quiet", "--disable-pip-version-check",
         "--only-binary", ":all:", "--platform", "win_amd64", "--python-version",
         python_version, "-d", str(target), *specs],
        check=True, cwd=ROOT)


def wheels(target: Path) -> dict[str, Path]:
    found = {}
    for path in target.glob("*.whl"):
        name, _version, _build, tags = parse_wheel_filename(path.name)
        platforms = {tag.platform for tag in tags}
        if not platforms & {"any", "win_amd64"}:
            raise SystemExit(f"{path.name}: not a wheel for 64-bit Windows")
        found[canonicalize_name(name)] = path
    return found


def requirements(wheel: Path) -> list[Requirement]:
    with zipfile.ZipFile(wheel) as archive:
        meta = next(n for n in archive.namelist() if n.endswith(".dist-info/METADATA"))
        message = Parser().parsestr(archive.read(meta).decode("utf-8"))
    return [Requirement(line) for line in message.get_all("Requires-Dist") or []]


def missing_for_windows(target: Path, python_version: str) -> list[str]:
    """Requirements a Windows install needs (markers evaluated for Windows) not yet here."""
    have = wheels(target)
    env = windows_environment(python_version)
    missing = set()
    for wheel in have.values():
        for req in requirements(wheel):
            if req.marker is not None and not req.marker.evaluate(env):
                continue
            if canonicalize_name(req.name) not in have:
                missing.add(str(Requirement(f"{req.name}{req.specifier}")))
    return sorted(missing)


def check_sqlcipher(target: Path) -> str:
    """The SQLCipher version in the Windows sqlcipher3 wheel (which must have FTS5)."""
    wheel = wheels(target).get("sqlcipher3")
    if wheel is None:
        raise SystemExit("no sqlcipher3 wheel for Windows")
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        if "sqlcipher3/dbapi2.py" not in names:
            raise SystemExit(f"{wheel.name}: no sqlcipher3/dbapi2.py")
        binary = next((n for n in names if re.match(r"sqlcipher3/_sqlite3\..*\.pyd$", n)), None)
        if binary is None:
            raise SystemExit(f"{wheel.name}: no compiled sqlcipher3._sqlite3 for Windows")
        data = archive.read(binary)
    if b"ENABLE_FTS5" not in data:
        raise SystemExit(f"{wheel.name}: SQLCipher built without FTS5 (search needs it)")
    version = re.search(rb"\x00(4\.\d+\.\d+)\x00", data)
    if version is None:
        raise SystemExit(f"{wheel.name}: not SQLCipher 4 (the database format needs it)")
    return version.group(1).decode()


def check(extra: str | None, target: Path, python_version: str = "3.11") -> list[str]:
    """Download everything a Windows install of the project (with ``extra``) needs; return
    the wheels' file names."""
    pip_download([f".[{extra}]" if extra else "."], target, python_version)
    for _round in range(5):
        missing = missing_for_windows(target, python_version)
        if not missing:
            break
        pip_download(missing, target, python_version)
    else:
        raise SystemExit(f"still missing for Windows: {missing}")
    cipher = check_sqlcipher(target)
    print(f"SQLCipher {cipher} with FTS5 in the Windows sqlcipher3 wheel")
    return sorted(p.name for p in wheels(target).values())


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--extra", help="an optional dependency group, e.g. packaging")
    parser.add_argument("--python-version", default="3.11")
    parser.add_argument("-d", "--dest", type=Path, help="where the wheels go (default: a temporary folder)")
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as scratch:
        target = args.dest or Path(scratch)
        target.mkdir(parents=True, exist_ok=True)
        for name in check(args.extra, target, args.python_version):
            print(name)
    return 0


if __name__ == "__main__":
    sys.exit(main())
