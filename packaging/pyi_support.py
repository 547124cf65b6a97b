"""Helpers for desa-peduli.spec: project metadata, data files, what to leave out, licences.

Imported by the spec only (PyInstaller runs the spec with the build venv's Python).
Everything here works on Linux and Windows: paths come from the spec's folder, never
from a fixed location.
"""

from __future__ import annotations

import email
import fnmatch
import importlib.metadata as metadata
import os
import re
import sys
import sysconfig
import tomllib
from pathlib import Path

HERE = Path(__file__).resolve().parent  # packaging/
ROOT = HERE.parent
SOURCE = ROOT / "desktop"
PACKAGE = "desa_peduli"

# Qt modules the application imports (grep -rh "from PySide6" desktop): QtCore, QtGui
# (also the PDF writer), QtWidgets and QtCharts (which itself links QtOpenGL,
# QtOpenGLWidgets and, on Linux, QtDBus). Every other PySide6 module is left out.
QT_MODULES_USED = {"QtCore", "QtGui", "QtWidgets", "QtCharts",
                   "QtOpenGL", "QtOpenGLWidgets", "QtDBus",  # what QtCharts links to
                   "QtSvg",  # the SVG image-format plugin (icons)
                   # the KTP photo from the webcam (ui/volunteer/form/camera.py); they link
                   # QtNetwork and QtConcurrent, and the FFmpeg media plugin QtQuick/QtQml
                   "QtMultimedia", "QtMultimediaWidgets", "QtNetwork", "QtConcurrent"}
QT_MODULES_ALL = {
    "Qt3DAnimation", "Qt3DCore", "Qt3DExtras", "Qt3DInput", "Qt3DLogic", "Qt3DRender",
    "QtAxContainer", "QtBluetooth", "QtCanvasPainter", "QtConcurrent", "QtDBus",
    "QtDataVisualization", "QtDesigner", "QtGraphs", "QtGraphsWidgets", "QtHelp",
    "QtHttpServer", "QtLocation", "QtMultimedia", "QtMultimediaWidgets", "QtNetwork",
    "QtNetworkAuth", "QtNfc", "QtOpenGL", "QtOpenGLWidgets", "QtPdf", "QtPdfWidgets",
    "QtPositioning", "QtPrintSupport", "QtQml", "QtQuick", "QtQuick3D", "QtQuickControls2",
    "QtQuickTest", "QtQuickWidgets", "QtRemoteObjects", "QtScxml", "QtSensors",
    "QtSerialBus", "QtSerialPort", "QtSpatialAudio", "QtSql", "QtStateMachine",
    "QtSvgWidgets", "QtTest", "QtTextToSpeech", "QtUiTools", "QtWebChannel",
    "QtWebEngineCore", "QtWebEngineQuick", "QtWebEngineWidgets", "QtWebSockets",
    "QtWebView", "QtXml",
}

# Python modules never needed at run time (test tools, the build tools themselves).
PYTHON_EXCLUDES = [
    "tkinter", "_tkinter", "unittest", "pydoc_data", "lib2to3", "idlelib", "ensurepip",
    "pytest", "_pytest", "pytestqt", "hypothesis", "PyInstaller",
    "setuptools", "pip", "ruff", "pygments", "IPython", "numpy", "PIL",
    *(f"PySide6.{name}" for name in sorted(QT_MODULES_ALL - QT_MODULES_USED)),
    "PySide6.scripts", "PySide6.support.deprecated",
]

# Files the PySide6 hooks collect that the application does not need: globs on the
# destination inside the bundle ("/" separators; fnmatch's "*" also matches "/"). The
# layout differs: Linux has PySide6/Qt/plugins, PySide6/Qt/lib/libQt6X.so.6 and
# PySide6/Qt/translations; Windows PySide6/plugins, PySide6/Qt6X.dll and
# PySide6/translations. "PySide6/*plugins/..." and "PySide6/*Qt6X*" match both.
BUNDLE_DROPS = [
    # Qt's own translations: Qt has no Indonesian; ours are in resources/i18n/qtbase_id.qm
    "PySide6/*translations/*",
    # platform plugins for embedded screens and remote desktops
    "PySide6/*plugins/platforms/*eglfs*", "PySide6/*plugins/platforms/*linuxfb*",
    "PySide6/*plugins/platforms/*vnc*", "PySide6/*plugins/platforms/*vkkhrdisplay*",
    "PySide6/*plugins/platforms/*minimalegl*", "PySide6/*plugins/platforms/*direct2d*",
    "PySide6/*plugins/egldeviceintegrations/*",
    "PySide6/*Qt6EglFSDeviceIntegration*", "PySide6/*Qt6EglFsKmsSupport*",
    # touch screens and tablets read straight from /dev/input (no desktop needs them)
    "PySide6/*plugins/generic/*",
    # the on-screen keyboard is written in QML; the GTK theme drags in GTK 3 from the
    # build machine (Qt's own Fusion style is used instead; file dialogs stay native
    # through the XDG desktop portal)
    "PySide6/*plugins/platforminputcontexts/*virtualkeyboard*", "PySide6/*Qt6VirtualKeyboard*",
    "PySide6/*plugins/platformthemes/*gtk3*",
    # image formats: keep JPEG, GIF, ICO, SVG, TIFF, WebP; the PDF one drags in QtPdf
    "PySide6/*plugins/imageformats/*qpdf*", "PySide6/*plugins/imageformats/*qicns*",
    "PySide6/*plugins/imageformats/*qtga*", "PySide6/*plugins/imageformats/*qwbmp*",
    "PySide6/*Qt6Pdf*",
    # Qt Quick/QML's modules and networking plugins: the libraries Qt6Qml, Qt6Quick and
    # Qt6Network stay (the camera's FFmpeg media plugin links them), nothing loads these
    "PySide6/*plugins/tls/*", "PySide6/*plugins/networkinformation/*", "PySide6/*qml/*",
    # Windows: the 20 MB software OpenGL fallback (Qt Widgets and our charts draw without
    # OpenGL)
    "PySide6/opengl32sw.dll",
]


def project() -> dict:
    """The ``[project]`` table of pyproject.toml (name, version, description …)."""
    with open(ROOT / "pyproject.toml", "rb") as fh:
        return tomllib.load(fh)["project"]


def package_modules() -> list[str]:
    """Every module of the application package (many are imported late, inside functions)."""
    names = []
    for path in sorted((SOURCE / PACKAGE).rglob("*.py")):
        parts = list(path.relative_to(SOURCE).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        names.append(".".join(parts))
    return names + [f"{PACKAGE}.resources"]


def resource_datas() -> list[tuple[str, str]]:
    """``resources/`` as ``desa_peduli/resources`` (read through importlib.resources):
    compiled translations, region data and its licence, rates, reference lists, icons.
    Translation sources (.ts) and Python files stay behind."""
    out = []
    src = ROOT / "resources"
    for path in sorted(src.rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        if path.suffix in {".ts", ".py", ".pyc"}:
            continue
        dest = Path(PACKAGE, "resources", path.parent.relative_to(src))
        out.append((str(path), dest.as_posix()))
    return out


def drop_unused(toc, patterns=BUNDLE_DROPS):
    """The TOC without entries whose destination matches one of ``patterns``."""
    kept = []
    for entry in toc:
        dest = entry[0].replace("\\", "/")
        if any(fnmatch.fnmatch(dest, pattern) for pattern in patterns):
            continue
        kept.append(entry)
    return kept


def prune_unreachable(binaries, datas):
    """Linux: drop the shared libraries nothing left in the bundle links to; returns
    ``(binaries, datas)``.

    PyInstaller collects a plugin's dependencies while analysing; dropping the plugin
    afterwards (BUNDLE_DROPS) leaves them behind (the GTK theme plugin alone brings GTK,
    cairo and pango from the build machine). Roots are the Python extension modules,
    the Qt plugins and libpython; libraries reachable from them through their link-time
    imports stay, and so do symlinks (PyInstaller lists those with the data files) whose
    target stays. Also drops libstdc++ and libgcc_s: the target system's own are at
    least as new (it needs the build machine's glibc or newer anyway) and a graphics
    driver loaded from the system may need a newer libstdc++ than the build machine's.
    On Windows and macOS nothing is dropped here: Qt loads some DLLs by name there.
    """
    if not sys.platform.startswith("linux"):
        return binaries, datas
    from PyInstaller.depend import bindepend

    def norm(dest: str) -> str:
        return dest.replace("\\", "/")

    files = {norm(e[0]): e for e in binaries if e[2] != "SYMLINK"}
    by_name = {}
    for dest in files:
        by_name.setdefault(Path(dest).name, dest)

    def is_root(dest: str, kind: str) -> bool:
        return (kind == "EXTENSION" or "/plugins/" in f"/{dest}"
                or Path(dest).name.startswith("libpython"))

    todo = [dest for dest, entry in files.items() if is_root(dest, entry[2])]
    keep = set(todo)
    while todo:
        dest = todo.pop()
        for name, _path in bindepend.get_imports(files[dest][1]):
            target = by_name.get(Path(name).name)
            if target is not None and target not in keep:
                keep.add(target)
                todo.append(target)
    keep = {d for d in keep if not Path(d).name.startswith(("libstdc++.so", "libgcc_s.so"))}
    present = keep | {norm(e[0]) for e in datas if e[2] != "SYMLINK"}

    def symlink_kept(entry) -> bool:
        dest = norm(entry[0])
        return norm(os.path.normpath(os.path.join(os.path.dirname(dest), entry[1]))) in present

    binaries = [e for e in binaries
                if (symlink_kept(e) if e[2] == "SYMLINK" else norm(e[0]) in keep)]
    datas = [e for e in datas if e[2] != "SYMLINK" or symlink_kept(e)]
    return binaries, datas


# ---------------------------------------------------------------- licences

LICENCE_FILE = re.compile(r"(LICEN[CS]E|COPYING|NOTICE|AUTHORS)", re.IGNORECASE)

# Libraries compiled into a Python package's extension module, whose notices that
# package's .dist-info does not carry: (file in packaging/licenses, what it covers).
EMBEDDED_NOTICES = {
    "sqlcipher3": [("SQLCipher-LICENSE.txt", "SQLCipher (BSD-3-Clause), linked statically"),
                   ("Apache-2.0.txt", "OpenSSL 3 (Apache-2.0), linked statically")],
}


def _top_level_names(toc_entries) -> set[str]:
    names = set()
    for entry in toc_entries:
        first = entry[0].replace("\\", "/").split("/")[0].split(".")[0]
        names.add(first)
    return names


def bundled_distributions(pure, binaries) -> list[metadata.Distribution]:
    """The installed distributions whose modules or libraries ended up in the bundle."""
    names = _top_level_names(pure) | _top_level_names(binaries)
    by_module = metadata.packages_distributions()
    wanted = set()
    for name in names:
        for dist_name in by_module.get(name, []):
            wanted.add(dist_name.lower().replace("_", "-"))
    wanted.discard(project()["name"])
    dists = {}
    for dist in metadata.distributions():
        key = (dist.metadata["Name"] or "").lower().replace("_", "-")
        if key in wanted and key not in dists:
            dists[key] = dist
    return [dists[k] for k in sorted(dists)]


def _licence_of(dist: metadata.Distribution) -> str:
    meta: email.message.Message = dist.metadata
    expression = meta.get("License-Expression")
    if expression:
        return expression
    licence = (meta.get("License") or "").strip()
    if licence and "\n" not in licence and len(licence) < 120:
        return licence
    classifiers = [c.split("::")[-1].strip() for c in meta.get_all("Classifier") or []
                   if c.startswith("License ::")]
    return "; ".join(classifiers) or "see the files in this folder"


def write_licences(target: Path, pure, binaries) -> Path:
    """Collect the licence notices into ``target`` (a folder made fresh):

    - ``desa-peduli/``: the application's own licence (MIT);
    - ``qt-pyside6/``: the Qt / Qt for Python notice and the LGPL-3.0 and GPL-3.0 texts;
    - ``region-data/``: the cahyadsn/wilayah notice for the region codes;
    - ``python/``: the Python interpreter's licence;
    - ``<package>-<version>/``: each bundled Python package's licence files from its
      installed ``.dist-info``;
    - ``THIRD-PARTY.txt``: one line per component with its licence.
    """
    import shutil

    if target.exists():
        shutil.rmtree(target)
    target.mkdir(parents=True)
    lines = ["Desa Peduli: licences of the program and of what is bundled with it", ""]
    fixed = HERE / "licenses"

    def copy(src: Path, folder: str, name: str | None = None) -> None:
        (target / folder).mkdir(exist_ok=True)
        shutil.copyfile(src, target / folder / (name or src.name))

    copy(fixed / "LICENSE-desa-peduli.txt", "desa-peduli", "LICENSE.txt")
    lines.append(f"Desa Peduli {project()['version']}: {project().get('license', 'MIT')}")

    for name in ("NOTICE-Qt-PySide6.txt", "LGPL-3.0.txt", "GPL-3.0.txt"):
        copy(fixed / name, "qt-pyside6")
    lines.append("Qt 6 and Qt for Python (PySide6, shiboken6): LGPL-3.0-only "
                 "(see qt-pyside6/NOTICE-Qt-PySide6.txt)")

    copy(ROOT / "resources" / "regions" / "LICENSE-wilayah.txt", "region-data")
    lines.append("Region codes (cahyadsn/wilayah compilation): MIT")

    python_licence = _python_licence()
    if python_licence is not None:
        copy(python_licence, "python", "LICENSE.txt")
    lines.append(f"Python {sys.version.split()[0]}: PSF-2.0"
                 + ("" if python_licence else " (licence file not found at build time)"))

    lines.append("")
    lines.append("Python packages:")
    for dist in bundled_distributions(pure, binaries):
        name, version = dist.metadata["Name"], dist.version
        folder = f"{name}-{version}"
        found = 0
        for file in dist.files or []:
            parts = Path(str(file)).parts
            if not parts or not parts[0].endswith(".dist-info"):
                continue
            if LICENCE_FILE.search(Path(str(file)).name) or "licenses" in parts[1:-1]:
                src = Path(dist.locate_file(file))
                if src.is_file():
                    rel = Path(*parts[1:])
                    if rel.parts and rel.parts[0] == "licenses":
                        rel = Path(*rel.parts[1:]) if len(rel.parts) > 1 else rel
                    (target / folder / rel.parent).mkdir(parents=True, exist_ok=True)
                    shutil.copyfile(src, target / folder / rel)
                    found += 1
        embedded = []
        for file_name, what in EMBEDDED_NOTICES.get(name.lower(), []):
            (target / folder).mkdir(parents=True, exist_ok=True)
            shutil.copyfile(fixed / file_name, target / folder / file_name)
            embedded.append(f"    includes {what}: {folder}/{file_name}")
        if found or embedded:
            note = ""
        elif name.lower().startswith(("pyside6", "shiboken6")):
            note = " (licence texts in qt-pyside6/)"
        else:
            note = " (no licence file in its distribution)"
        lines.append(f"  {name} {version}: {_licence_of(dist)}{note}")
        lines.extend(embedded)
    (target / "THIRD-PARTY.txt").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return target


def _python_licence() -> Path | None:
    candidates = [
        Path(sysconfig.get_paths()["stdlib"]) / "LICENSE.txt",
        Path(sys.base_prefix) / "LICENSE.txt",  # Windows installs
        Path(sys.base_prefix) / "share" / "doc" / f"python{sys.version_info[0]}.{sys.version_info[1]}"
        / "copyright",
    ]
    for path in candidates:
        if path.is_file():
            return path
    return None


# ---------------------------------------------------------------- Windows version info


def windows_version_info(name: str, version: str, description: str):
    """A VSVersionInfo for the .exe files (Properties → Details on Windows)."""
    from PyInstaller.utils.win32 import versioninfo as vi

    numbers = [int(p) for p in re.findall(r"\d+", version)[:4]]
    numbers += [0] * (4 - len(numbers))
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(filevers=tuple(numbers), prodvers=tuple(numbers)),
        kids=[
            vi.StringFileInfo([vi.StringTable("040904B0", [
                vi.StringStruct("CompanyName", "Gerakan Desa Peduli Jaminan Sosial"),
                vi.StringStruct("FileDescription", description[:200]),
                vi.StringStruct("FileVersion", version),
                vi.StringStruct("ProductName", name),
                vi.StringStruct("ProductVersion", version),
                vi.StringStruct("LegalCopyright", "MIT licence"),
            ])]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0409, 1200])]),
        ],
    )
