; The Windows installer's own sentences, in Vietnamese (NSIS's Vietnamese language file gives the
; buttons and the standard pages). Included by installer/windows/chibo.nsi after MUI_LANGUAGE.
; $\r$\n is a line break; $LOCALAPPDATA is the user's %LOCALAPPDATA% folder.

LangString DISPLAY_NAME ${LANG_VIETNAMESE} "chibo — sổ sách chi bộ"

LangString WELCOME_TEXT ${LANG_VIETNAMESE} "Trình cài đặt sẽ cài chibo ${VERSION} cho người dùng đang đăng nhập, không cần quyền quản trị máy.$\r$\n$\r$\nSổ chi bộ và các bản sao lưu nằm riêng trong thư mục $LOCALAPPDATA\chibo: cài lại, nâng cấp hay gỡ chibo đều không xóa chúng. Khi nâng cấp, lần mở đầu tiên chibo sao lưu sổ rồi mới chuyển sổ sang phiên bản mới.$\r$\n$\r$\nBấm Tiến để tiếp tục."

LangString REFUSE_32BIT ${LANG_VIETNAMESE} "Không cài được chibo trên máy này: chibo cần Windows bản 64-bit, còn máy này đang chạy Windows 32-bit.$\r$\n$\r$\nHãy cài chibo trên một máy Windows 10 hoặc Windows 11 bản 64-bit (xem ở Cài đặt → Hệ thống → Giới thiệu, dòng “Loại hệ thống”)."

LangString REFUSE_OLD_WINDOWS ${LANG_VIETNAMESE} "Không cài được chibo trên máy này: chibo cần Windows 10 (phiên bản 1809 trở về sau) hoặc Windows 11, còn máy này chạy phiên bản Windows cũ hơn.$\r$\n$\r$\nHãy cập nhật Windows, hoặc cài chibo trên máy khác."

LangString APP_RUNNING ${LANG_VIETNAMESE} "chibo đang mở nên chưa thay được các tệp của nó.$\r$\n$\r$\nHãy đóng chibo rồi bấm Retry (Thử lại). Bấm Cancel (Hủy) để dừng: chưa có gì bị thay đổi."

LangString NOT_CHIBO_FOLDER ${LANG_VIETNAMESE} "Thư mục $INSTDIR đã có tệp nhưng không phải một bản cài chibo. Hãy chọn một thư mục trống, ví dụ $LOCALAPPDATA\Programs\chibo."

LangString RUN_CHIBO ${LANG_VIETNAMESE} "Mở chibo ngay"

LangString DATA_KEPT ${LANG_VIETNAMESE} "Sổ chi bộ và các bản sao lưu KHÔNG bị xóa: chúng vẫn nằm trong thư mục $LOCALAPPDATA\chibo. Cài lại chibo là dùng tiếp được.$\r$\n$\r$\nMuốn xóa hẳn dữ liệu, hãy sao lưu ra USB trước rồi tự xóa thư mục đó."

LangString UNINSTALL_CONFIRM ${LANG_VIETNAMESE} "chibo sẽ được gỡ khỏi thư mục dưới đây. Sổ chi bộ và các bản sao lưu trong $LOCALAPPDATA\chibo được giữ nguyên."
