; Inno Setup 6 script: turns the PyInstaller folder build into one setup .exe for Windows (x64).
;
; Build on Windows, from the repository root (see packaging/README.md):
;   py -m PyInstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\cnnexplorer.spec
;   dist\cnnexplorer\cnnexplorer.exe selftest
;   "%ProgramFiles(x86)%\Inno Setup 6\ISCC.exe" /DAppVersion=0.1.0 packaging\windows\cnnexplorer.iss
; Result: dist\cnnexplorer-0.1.0-windows-x64-setup.exe
;
; The installer needs no administrator rights by default (it installs for the current user; the first
; page offers "install for all users" to administrators), adds a Start-menu entry that starts the windowed
; cnnexplorerw.exe, and puts the console cnnexplorer.exe (for `cnnexplorer selftest` and the other commands)
; beside it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "CNN Explorer"
#define BundleDir "..\..\dist\cnnexplorer"
#define GuiExe "cnnexplorerw.exe"

[Setup]
; The AppId identifies the program for upgrades and uninstalling: never change it.
AppId={{7E4C2B1A-5D3F-4A8E-9C61-2F0B8D4E6A13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=CNN Explorer
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir=..\..\dist
OutputBaseFilename=cnnexplorer-{#AppVersion}-windows-x64-setup
SetupIconFile=..\..\resources\icons\cnnexplorer.ico
UninstallDisplayIcon={app}\{#GuiExe}
UninstallDisplayName={#AppName}
WizardStyle=modern
; TensorFlow's libraries make the folder ~1.5 GB; lzma2 at the normal level packs it in minutes, not hours.
Compression=lzma2/normal
SolidCompression=yes
CloseApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
; Simplified Chinese: shipped with newer Inno Setup releases; older ones keep it among the unofficial
; translations (download ChineseSimplified.isl into Inno Setup's Languages folder to enable it).
#ifexist AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl"
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
; The whole PyInstaller folder: both executables and _internal\ (Python, Qt, TensorFlow, the app's resources).
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the bundled libraries wholesale, so stale files from an older TensorFlow cannot linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Comment: "Learn and teach convolutional neural networks"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#GuiExe}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#GuiExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
