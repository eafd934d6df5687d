; Inno Setup 6 script: a per-user installer for the one-folder build (dist\inspector-app).
; Build on Windows after `python -m PyInstaller packaging\inspector-app.spec`:
;   iscc /DAppVersion=0.1.0 packaging\windows\inspector-app.iss
; NOT RUN on the project's Linux build machine: see docs/packaging.md, "Windows".
;
; Per user, no administrator: PrivilegesRequired=lowest puts the program under
; %LOCALAPPDATA%\Programs\HeatingInspector. The data folder (%LOCALAPPDATA%\heating-inspector,
; platformdirs' user data folder) is never part of [Files], so neither an upgrade nor the
; uninstaller touches it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
; The AppId ties upgrades to earlier installs: never change it.
AppId={{5B8E2C1A-7D43-4F0E-9A61-3C2D8B4E7F10}
AppName=室温检测 Heating Inspector
AppVersion={#AppVersion}
AppPublisher=Heating Inspector
DefaultDirName={autopf}\HeatingInspector
DefaultGroupName=室温检测 Heating Inspector
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=
UsePreviousAppDir=yes
DisableProgramGroupPage=yes
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
CloseApplications=yes
Compression=lzma2
SolidCompression=yes
OutputDir=..\..\dist
OutputBaseFilename=heating-inspector-{#AppVersion}-setup
UninstallDisplayName=室温检测 Heating Inspector {#AppVersion}

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"

[InstallDelete]
; An upgrade replaces the whole program folder's libraries: no stale DLL of the old release stays.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\inspector-app\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\室温检测 Heating Inspector"; Filename: "{app}\inspector-app-gui.exe"
Name: "{group}\室温检测 培训模式 Training (demo)"; Filename: "{app}\inspector-app-gui.exe"; Parameters: "gui --demo"
Name: "{group}\卸载 Uninstall"; Filename: "{uninstallexe}"

[Run]
Filename: "{app}\inspector-app-gui.exe"; Description: "启动 Start 室温检测"; Flags: nowait postinstall skipifsilent
