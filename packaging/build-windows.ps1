# Build Desa Peduli for Windows: the PyInstaller folder, then the Inno Setup installer.
#
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1
#   powershell -ExecutionPolicy Bypass -File packaging\build-windows.ps1 -NoInstaller
#
# Needs (see packaging\README.md): 64-bit Python 3.11 or newer from python.org, Git, and
# Inno Setup 6.3 or newer. Creates .venv (if missing), installs the package with
# PyInstaller into it, builds packaging\dist\desa-peduli\ and, with Inno Setup,
# packaging\dist\desa-peduli-<version>-setup.exe.
param([switch]$NoInstaller)

$ErrorActionPreference = "Stop"
Set-Location (Join-Path $PSScriptRoot "..")

function Invoke-Checked {
    param([string]$What, [scriptblock]$Command)
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

$python = ".venv\Scripts\python.exe"
if (-not (Test-Path $python)) {
    if (Get-Command py -ErrorAction SilentlyContinue) {
        Invoke-Checked "creating .venv" { py -3 -m venv .venv }
    } else {
        Invoke-Checked "creating .venv" { python -m venv .venv }
    }
}
Invoke-Checked "pip upgrade" { & $python -m pip install --quiet --upgrade pip }
Invoke-Checked "installing the package and PyInstaller" {
    # wheels only: no dependency is ever compiled here (tools/check_windows_wheels.py
    # proves each has a win_amd64 wheel; see packaging/README.md)
    & $python -m pip install --quiet --only-binary :all: -e ".[packaging]"
}

$version = & $python -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])"
if ($LASTEXITCODE -ne 0) { throw "could not read the version from pyproject.toml" }

if (Test-Path packaging\dist\desa-peduli) { Remove-Item -Recurse -Force packaging\dist\desa-peduli }
Invoke-Checked "PyInstaller" {
    & $python -m PyInstaller --noconfirm --clean --log-level WARN `
        --distpath packaging\dist --workpath packaging\build packaging\desa-peduli.spec
}

$folder = "packaging\dist\desa-peduli"
$sizeMB = [math]::Round(((Get-ChildItem $folder -Recurse -File | Measure-Object Length -Sum).Sum) / 1MB, 1)
Write-Host "Built $folder ($sizeMB MB)"
Invoke-Checked "smoke test (desa-peduli.exe --version)" { & "$folder\desa-peduli.exe" --version }

if ($NoInstaller) { exit 0 }
$candidates = @(
    "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
    "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
    "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
)
$iscc = $candidates | Where-Object { $_ -and (Test-Path $_) } | Select-Object -First 1
if (-not $iscc) {
    throw "Inno Setup 6 (ISCC.exe) not found: install it from https://jrsoftware.org/isdl.php or run with -NoInstaller"
}
# The installer's Indonesian: Inno Setup's Indonesian.isl. Where this Inno Setup has none
# (it is one of its user-contributed translations), fetch it from Inno Setup's own
# repository at a pinned commit, beside the script (packaging\windows\Indonesian.isl,
# ignored by git). desa-peduli.iss prefers the compiler's own copy.
$innoDir = Split-Path $iscc
$islPaths = @("$innoDir\Languages\Indonesian.isl", "$innoDir\Languages\Unofficial\Indonesian.isl",
              "packaging\windows\Indonesian.isl")
if (-not ($islPaths | Where-Object { Test-Path $_ })) {
    $islCommit = "e00c2ad94edebec1c2e0080b58f019ca030f35d2"  # jrsoftware/issrc
    $islUrl = "https://raw.githubusercontent.com/jrsoftware/issrc/$islCommit/Files/Languages/Unofficial/Indonesian.isl"
    Write-Host "Fetching Inno Setup's Indonesian.isl ($islCommit)"
    Invoke-WebRequest -Uri $islUrl -OutFile packaging\windows\Indonesian.isl -UseBasicParsing
}
Invoke-Checked "Inno Setup" { & $iscc "/DAppVersion=$version" packaging\windows\desa-peduli.iss }
Write-Host "Wrote packaging\dist\desa-peduli-$version-setup.exe"
