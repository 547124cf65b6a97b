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
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage

; The installer speaks Indonesian (first: the volunteers' language) and English, chosen by
; Windows' display language (LanguageDetectionMethod=uilanguage); on any other language it
; asks, Indonesian preselected. Inno Setup's Indonesian messages are its translators'
; Indonesian.isl: in compiler:Languages\ where the installation has it, else among its
; user-contributed translations (Languages\Unofficial\, or fetched beside this script by
; packaging\build-windows.ps1 from jrsoftware/issrc at a pinned commit).
#if FileExists(CompilerPath + "Languages\Indonesian.isl")
  #define IndonesianIsl "compiler:Languages\Indonesian.isl"
#elif FileExists(CompilerPath + "Languages\Unofficial\Indonesian.isl")
  #define IndonesianIsl "compiler:Languages\Unofficial\Indonesian.isl"
#elif FileExists(AddBackslash(SourcePath) + "Indonesian.isl")
  #define IndonesianIsl AddBackslash(SourcePath) + "Indonesian.isl"
#else
  #error Indonesian.isl not found: run packaging\build-windows.ps1 (it fetches it) or copy Inno Setup's Indonesian.isl into its Languages folder
#endif

[Languages]
Name: "indonesian"; MessagesFile: "{#IndonesianIsl}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
indonesian.AppComment=Pendaftaran BPU luring dan terenkripsi
english.AppComment=Offline, encrypted BPU registration

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[InstallDelete]
; an upgrade replaces the whole program folder (never the data, which lives elsewhere)
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; \
    Comment: "{cm:AppComment}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; \
    Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; \
    Flags: nowait postinstall skipifsilent
