; Inno Setup script: Desa Peduli for one Windows user, no administrator rights needed.
;
; Build the PyInstaller folder first (packaging\build-windows.ps1 does both steps), then:
;   "C:\Program Files (x86)\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\desa-peduli.iss
; Result: packaging\dist\desa-peduli-<version>-setup.exe
;
; Installs into %LOCALAPPDATA%\Programs\Desa Peduli, adds a Start-menu entry (and, if
; chosen, a desktop icon) and an uninstaller under Settings > Apps. The volunteer's data
; (%LOCALAPPDATA%\DesaPeduli) is never touched by installing, upgrading or uninstalling.

#define AppName "Desa Peduli"
#define AppExe "DesaPeduli.exe"
#ifndef DistDir
  #define DistDir "..\dist\desa-peduli"
#endif
#ifndef AppVersion
  ; the version PyInstaller wrote into the program (from pyproject.toml), e.g. 0.1.0.0
  #define AppVersion GetVersionNumbersString(AddBackslash(SourcePath) + DistDir + "\" + AppExe)
#endif

[Setup]
; Never change AppId: it is how an upgrade finds the installed copy.
AppId={{33A09CF8-CF0D-402C-94D7-200E2761115C}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Gerakan Desa Peduli Jaminan Sosial
VersionInfoVersion={#AppVersion}
; per-user install: no UAC prompt, nothing written outside the user's profile
PrivilegesRequired=lowest
DefaultDirName={autopf}\{#AppName}
DisableDirPage=auto
DisableProgramGroupPage=yes
UsePreviousAppDir=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\dist
OutputBaseFilename=desa-peduli-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\desa-peduli.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the whole program folder (never the data, which lives elsewhere)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; \
    Comment: "Pendaftaran BPU luring dan terenkripsi"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; \
    Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
    Flags: nowait postinstall skipifsilent
