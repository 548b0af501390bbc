; Included by electron-builder's NSIS installer (electron-builder.yml: nsis.include).
; Uninstalling removes the program only: the data folder (database and automatic backups) is the office's
; records and stays, so a reinstall or a newer version finds it again. An update runs the old uninstaller
; silently with --updated: it shows nothing then. Start at login is the app's own setting (系统设置 → 提醒设置);
; nothing here writes a Run key.

!macro customUnInit
  ${IfNot} ${Silent}
  ${AndIfNot} ${isUpdated}
    MessageBox MB_OK|MB_ICONINFORMATION "卸载只删除程序，不会删除您的数据。$\r$\n$\r$\n数据文件夹（数据库和自动备份）：$\r$\n$APPDATA\${PRODUCT_NAME}\data$\r$\n$\r$\n重新安装后数据仍在。如果确定不再需要，可以在卸载后手动删除这个文件夹。" /SD IDOK
  ${EndIf}
!macroend

!macro customUnInstall
  DetailPrint "保留数据文件夹：$APPDATA\${PRODUCT_NAME}\data"
!macroend
