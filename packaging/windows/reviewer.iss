; Inno Setup script: a per-user installer for the one-folder build in dist\reviewer.
; Build on Windows after packaging\build.sh (from Git Bash) with:
;     iscc /DAppVersion=0.1.0 packaging\windows\reviewer.iss
; It needs no administrator rights (council laptops), adds Reviewer to the Start menu, and offers it
; under "Open with" for PDF, text and audit pack (.zip) files without taking those types over.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif

[Setup]
AppId={{6F1C2B1E-5B7A-4E0B-9B4E-2C6A1D9E7F31}
AppName=Reviewer
AppVersion={#AppVersion}
AppPublisher=Reviewer developers
DefaultDirName={localappdata}\Programs\Reviewer
DefaultGroupName=Reviewer
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
OutputDir=..\..\dist
OutputBaseFilename=Reviewer-{#AppVersion}-setup
SetupIconFile=..\icons\reviewer.ico
UninstallDisplayIcon={app}\Reviewer.exe
LicenseFile=..\..\LICENSE
Compression=lzma2
SolidCompression=yes
ChangesAssociations=yes
WizardStyle=modern

[Files]
Source: "..\..\dist\reviewer\*"; DestDir: "{app}"; Flags: recursesubdirs ignoreversion

[Icons]
Name: "{userprograms}\Reviewer"; Filename: "{app}\Reviewer.exe"
Name: "{userdesktop}\Reviewer"; Filename: "{app}\Reviewer.exe"; Tasks: desktopicon

[Tasks]
Name: desktopicon; Description: "Create a desktop shortcut"; Flags: unchecked

[Registry]
; The program and what it opens ("Open with" lists it; the default app for each type is unchanged).
Root: HKCU; Subkey: "Software\Classes\Applications\Reviewer.exe"; ValueType: string; ValueName: "FriendlyAppName"; ValueData: "Reviewer"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Applications\Reviewer.exe\shell\open\command"; ValueType: string; ValueData: """{app}\Reviewer.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Applications\Reviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\Reviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".txt"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\Reviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".docx"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\Reviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".zip"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Applications\Reviewer.exe\SupportedTypes"; ValueType: string; ValueName: ".qdc"; ValueData: ""
Root: HKCU; Subkey: "Software\Classes\Reviewer.Letter"; ValueType: string; ValueData: "Inspection letter"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Reviewer.Letter\DefaultIcon"; ValueType: string; ValueData: "{app}\Reviewer.exe,0"
Root: HKCU; Subkey: "Software\Classes\Reviewer.Letter\shell\open\command"; ValueType: string; ValueData: """{app}\Reviewer.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\Reviewer.AuditPack"; ValueType: string; ValueData: "Reviewer audit pack"; Flags: uninsdeletekey
Root: HKCU; Subkey: "Software\Classes\Reviewer.AuditPack\DefaultIcon"; ValueType: string; ValueData: "{app}\Reviewer.exe,0"
Root: HKCU; Subkey: "Software\Classes\Reviewer.AuditPack\shell\open\command"; ValueType: string; ValueData: """{app}\Reviewer.exe"" ""%1"""
Root: HKCU; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: string; ValueName: "Reviewer.Letter"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.txt\OpenWithProgids"; ValueType: string; ValueName: "Reviewer.Letter"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.docx\OpenWithProgids"; ValueType: string; ValueName: "Reviewer.Letter"; ValueData: ""; Flags: uninsdeletevalue
Root: HKCU; Subkey: "Software\Classes\.zip\OpenWithProgids"; ValueType: string; ValueName: "Reviewer.AuditPack"; ValueData: ""; Flags: uninsdeletevalue

[Run]
Filename: "{app}\Reviewer.exe"; Description: "Start Reviewer"; Flags: nowait postinstall skipifsilent
