; chibo's Windows installer, built by installer/windows/build.py with Debian's (or Windows') makensis:
;   makensis -INPUTCHARSET UTF8 -DVERSION=0.1.0 -DVERSION4=0.1.0.0 -DSOURCE=<folder> -DRESOURCES=<resources>
;            -DOUTFILE=<setup.exe> [-DFAST] chibo.nsi
;
; Per-user, like Anki's: installs in %LOCALAPPDATA%\Programs\chibo without administrator rights,
; registers its uninstaller under HKCU, Vietnamese throughout, refuses 32-bit Windows and Windows
; older than 10 1809 (what Qt 6 needs) with a sentence that says so. The installer itself is a
; 32-bit program on purpose: on a 32-bit Windows it still starts and can say why it stops.
; The book lives in %LOCALAPPDATA%\chibo, which neither the installer nor the uninstaller touch.

Unicode true
ManifestDPIAware true
!ifdef FAST ; smoke.sh's newer installer for the upgrade test: quick to make, never released
SetCompressor zlib
!else
SetCompressor /SOLID lzma
SetCompressorDictSize 64
!endif
RequestExecutionLevel user

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "WinVer.nsh"
!include "x64.nsh"
!include "FileFunc.nsh"

!define UNINSTALL_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\chibo"
!define PYTHON_DLL "python311.dll"
!define MIN_BUILD 17763 ; Windows 10 1809

Name "chibo ${VERSION}"
OutFile "${OUTFILE}"
InstallDir "$LOCALAPPDATA\Programs\chibo"
InstallDirRegKey HKCU "${UNINSTALL_KEY}" "InstallLocation"
BrandingText "chibo ${VERSION}"
ShowInstDetails hide
ShowUninstDetails hide

VIProductVersion "${VERSION4}"
VIFileVersion "${VERSION4}"
VIAddVersionKey /LANG=1066 "ProductName" "chibo"
VIAddVersionKey /LANG=1066 "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=1066 "FileDescription" "Cài đặt chibo ${VERSION} — sổ sách chi bộ"
VIAddVersionKey /LANG=1066 "LegalCopyright" "GPL-3.0-or-later"

!define MUI_ICON "${RESOURCES}\icons\chibo.ico"
!define MUI_UNICON "${RESOURCES}\icons\chibo.ico"
!define MUI_ABORTWARNING
!define MUI_WELCOMEFINISHPAGE_BITMAP "${RESOURCES}\installer\wizard.bmp"
!define MUI_UNWELCOMEFINISHPAGE_BITMAP "${RESOURCES}\installer\wizard.bmp"
!define MUI_WELCOMEPAGE_TEXT "$(WELCOME_TEXT)"
!define MUI_FINISHPAGE_RUN "$INSTDIR\chibo.exe"
!define MUI_FINISHPAGE_RUN_TEXT "$(RUN_CHIBO)"
!define MUI_UNCONFIRMPAGE_TEXT_TOP "$(UNINSTALL_CONFIRM)"

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH
!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_INSTFILES
!insertmacro MUI_LANGUAGE "Vietnamese"
!include "${RESOURCES}\installer\chibo-vi.nsh"

Function .onInit
  ${IfNot} ${RunningX64}
    MessageBox MB_OK|MB_ICONSTOP "$(REFUSE_32BIT)" /SD IDOK
    SetErrorLevel 3
    Quit
  ${EndIf}
  ${IfNot} ${AtLeastWin10}
  ${OrIfNot} ${AtLeastBuild} ${MIN_BUILD}
    MessageBox MB_OK|MB_ICONSTOP "$(REFUSE_OLD_WINDOWS)" /SD IDOK
    SetErrorLevel 4
    Quit
  ${EndIf}
FunctionEnd

; A folder that already holds files must be an earlier chibo, never a folder of the user's:
; $R0 = 1 when $INSTDIR is missing, empty or a chibo, 0 otherwise.
Function CheckFolder
  StrCpy $R0 1
  ${If} ${FileExists} "$INSTDIR\chibo.exe"
    Return
  ${EndIf}
  FindFirst $R1 $R2 "$INSTDIR\*.*"
  ${DoWhile} $R2 != ""
    ${If} $R2 != "."
    ${AndIf} $R2 != ".."
      StrCpy $R0 0
      ${Break}
    ${EndIf}
    FindNext $R1 $R2
  ${Loop}
  FindClose $R1
FunctionEnd

Function .onVerifyInstDir
  Call CheckFolder
  ${If} $R0 == 0
    Abort
  ${EndIf}
FunctionEnd

; Files of a running chibo cannot be replaced: ask to close it, or stop before anything changed.
; Windows refuses to delete a DLL a process has loaded (renaming it would succeed, so that is no test).
!macro WAIT_UNTIL_CLOSED un
Function ${un}WaitUntilClosed
  ${DoWhile} ${FileExists} "$INSTDIR\app\${PYTHON_DLL}"
    ClearErrors
    Delete "$INSTDIR\app\${PYTHON_DLL}"
    ${IfNot} ${Errors}
      ${Break}
    ${EndIf}
    MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(APP_RUNNING)" /SD IDCANCEL IDRETRY retry
    SetErrorLevel 5
    Quit
    retry:
  ${Loop}
FunctionEnd
!macroend
!insertmacro WAIT_UNTIL_CLOSED ""
!insertmacro WAIT_UNTIL_CLOSED "un."

Section "chibo" SectionApp
  SectionIn RO
  Call CheckFolder ; the directory page checked it already, but not a silent install's /D=
  ${If} $R0 == 0
    MessageBox MB_OK|MB_ICONSTOP "$(NOT_CHIBO_FOLDER)" /SD IDOK
    SetErrorLevel 6
    Quit
  ${EndIf}
  Call WaitUntilClosed
  ; An upgrade replaces the program whole, so no module of the older version lingers beside the new.
  RMDir /r "$INSTDIR\app"
  SetOutPath "$INSTDIR"
  File /r "${SOURCE}\*.*"
  WriteUninstaller "$INSTDIR\uninstall.exe"

  SetShellVarContext current
  CreateShortcut "$SMPROGRAMS\chibo.lnk" "$INSTDIR\chibo.exe" "" "$INSTDIR\chibo.exe" 0 SW_SHOWNORMAL "" "$(DISPLAY_NAME)"
  CreateShortcut "$DESKTOP\chibo.lnk" "$INSTDIR\chibo.exe" "" "$INSTDIR\chibo.exe" 0 SW_SHOWNORMAL "" "$(DISPLAY_NAME)"

  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayName" "$(DISPLAY_NAME)"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "DisplayIcon" "$INSTDIR\chibo.exe,0"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "Publisher" "chibo"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKCU "${UNINSTALL_KEY}" "UninstallString" '"$INSTDIR\uninstall.exe"'
  WriteRegStr HKCU "${UNINSTALL_KEY}" "QuietUninstallString" '"$INSTDIR\uninstall.exe" /S'
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoModify" 1
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKCU "${UNINSTALL_KEY}" "EstimatedSize" $0
SectionEnd

Section "Uninstall"
  Call un.WaitUntilClosed
  SetShellVarContext current
  Delete "$SMPROGRAMS\chibo.lnk"
  Delete "$DESKTOP\chibo.lnk"
  RMDir /r "$INSTDIR\app"
  Delete "$INSTDIR\chibo.exe"
  Delete "$INSTDIR\chibo-console.exe"
  Delete "$INSTDIR\uninstall.exe"
  RMDir "$INSTDIR" ; only when empty: nothing of the user's is ever removed
  DeleteRegKey HKCU "${UNINSTALL_KEY}"
  DetailPrint "$(DATA_KEPT)"
  MessageBox MB_OK|MB_ICONINFORMATION "$(DATA_KEPT)" /SD IDOK
SectionEnd
