<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="vi" sourcelanguage="en">
<context>
    <name></name>
    <message>
        <source>Could not open the book. The details are in the log.</source>
        <translation>Không mở được sổ. Chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Họ và tên</translation>
    </message>
    <message>
        <source>Studied</source>
        <translation>Đã học</translation>
    </message>
    <message>
        <source>Studied at</source>
        <translation>Học ở buổi</translation>
    </message>
    <message>
        <source>Why not yet</source>
        <translation>Lý do chưa học</translation>
    </message>
    <message>
        <source>Essay</source>
        <translation>Bài thu hoạch</translation>
    </message>
    <message>
        <source>Edit document</source>
        <translation>Sửa văn bản</translation>
    </message>
    <message>
        <source>Add a document to study</source>
        <translation>Thêm văn bản cần học tập, quán triệt</translation>
    </message>
    <message>
        <source>For example: 57-NQ/TW</source>
        <translation>Ví dụ: 57-NQ/TW</translation>
    </message>
    <message>
        <source>Summary of the content, for example: on breakthroughs in science and technology…</source>
        <translation>Trích yếu nội dung, ví dụ: về đột phá phát triển khoa học, công nghệ…</translation>
    </message>
    <message>
        <source>For example: Bộ Chính trị (empty: the issuing level)</source>
        <translation>Ví dụ: Bộ Chính trị (để trống: lấy tên cấp ban hành)</translation>
    </message>
    <message>
        <source>Members must write an essay</source>
        <translation>Đảng viên phải viết bài thu hoạch</translation>
    </message>
    <message>
        <source>&amp;Number-symbol (*):</source>
        <translation>&amp;Số, ký hiệu (*):</translation>
    </message>
    <message>
        <source>Document &amp;kind:</source>
        <translation>&amp;Loại văn bản:</translation>
    </message>
    <message>
        <source>&amp;Summary (*):</source>
        <translation>&amp;Trích yếu (*):</translation>
    </message>
    <message>
        <source>Issuing &amp;level:</source>
        <translation>&amp;Cấp ban hành:</translation>
    </message>
    <message>
        <source>Issuing &amp;body:</source>
        <translation>Cơ &amp;quan ban hành:</translation>
    </message>
    <message>
        <source>&amp;Issued on:</source>
        <translation>Ngày &amp;ban hành:</translation>
    </message>
    <message>
        <source>Stu&amp;dy deadline:</source>
        <translation>Thời &amp;hạn học xong:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Ghi chú:</translation>
    </message>
    <message>
        <source>Kept as: “{subject}”; issuing body: {issuer}.</source>
        <translation>Sẽ ghi trích yếu: “{subject}”; cơ quan ban hành: {issuer}.</translation>
    </message>
    <message>
        <source>Kept as: “{subject}”.</source>
        <translation>Sẽ ghi trích yếu: “{subject}”.</translation>
    </message>
    <message>
        <source>{date} (make-up)</source>
        <translation>{date} (học bù)</translation>
    </message>
    <message>
        <source>Studied by {studied}/{required} of the members who must study it</source>
        <translation>Đã học {studied}/{required} đảng viên phải học</translation>
    </message>
    <message>
        <source>; {sessions} study sessions, {makeups} make-ups.</source>
        <translation>; {sessions} buổi học, {makeups} buổi học bù.</translation>
    </message>
    <message>
        <source> Deadline: {date}</source>
        <translation> Thời hạn: {date}</translation>
    </message>
    <message>
        <source> — overdue.</source>
        <translation> — đã quá hạn.</translation>
    </message>
    <message>
        <source> Essays not handed in: {missing}; to be rewritten: {rewrite}.</source>
        <translation> Chưa nộp thu hoạch: {missing}; phải viết lại: {rewrite}.</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Chưa học</translation>
    </message>
    <message>
        <source>handed in</source>
        <translation>đã nộp</translation>
    </message>
    <message>
        <source> — to be rewritten</source>
        <translation> — phải viết lại</translation>
    </message>
    <message>
        <source>Study of the document</source>
        <translation>Tình hình học tập văn bản</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>Đang tải…</translation>
    </message>
    <message>
        <source>Make-up session for those who have not studied…</source>
        <translation>Tạo buổi học bù cho người chưa học…</translation>
    </message>
    <message>
        <source>Record the selected member’s essay…</source>
        <translation>Ghi bài thu hoạch của người được chọn…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Đóng</translation>
    </message>
    <message>
        <source>Could not read who has studied this document.</source>
        <translation>Không đọc được ai đã học, ai chưa học văn bản này.</translation>
    </message>
    <message>
        <source>Nobody needs a make-up of {document} any more.</source>
        <translation>Không còn ai cần học bù {document}.</translation>
    </message>
    <message>
        <source>This document has not been studied at any session yet. Record the study session on the Sessions page first; a make-up is for those who missed it.</source>
        <translation>Văn bản này chưa được học ở buổi nào. Hãy ghi buổi học ở trang Sinh hoạt trước; học bù là cho người vắng buổi đó.</translation>
    </message>
    <message>
        <source>Select a member in the list first.</source>
        <translation>Hãy chọn một đảng viên trong danh sách trước.</translation>
    </message>
    <message>
        <source>Make-up session</source>
        <translation>Tạo buổi học bù</translation>
    </message>
    <message>
        <source>hh:mm</source>
        <translation>giờ:phút</translation>
    </message>
    <message>
        <source>For example: the village hall</source>
        <translation>Ví dụ: Nhà văn hóa bản</translation>
    </message>
    <message>
        <source>{name} (not studied: {reason})</source>
        <translation>{name} (chưa học: {reason})</translation>
    </message>
    <message>
        <source>Make-up study of {document} (studied at the session of {date}). Those invited are recorded as present; correct the attendance on the Sessions page if someone is still absent.</source>
        <translation>Học bù văn bản {document} (buổi học ngày {date}). Người được mời được ghi là có mặt; sửa điểm danh ở trang Sinh hoạt nếu có người vẫn vắng.</translation>
    </message>
    <message>
        <source>Make-up &amp;date (*):</source>
        <translation>&amp;Ngày học bù (*):</translation>
    </message>
    <message>
        <source>&amp;Starts at:</source>
        <translation>&amp;Giờ bắt đầu:</translation>
    </message>
    <message>
        <source>Pl&amp;ace:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <source>Invited:</source>
        <translation>Người được mời:</translation>
    </message>
    <message>
        <source>Create the make-up session (Ctrl+S)</source>
        <translation>Tạo buổi học bù (Ctrl+S)</translation>
    </message>
    <message>
        <source>Select at least one person to invite to the make-up.</source>
        <translation>Hãy chọn ít nhất một người để mời học bù.</translation>
    </message>
    <message>
        <source>(not graded)</source>
        <translation>(chưa xếp loại)</translation>
    </message>
    <message>
        <source>Member:</source>
        <translation>Đảng viên:</translation>
    </message>
    <message>
        <source>Document:</source>
        <translation>Văn bản:</translation>
    </message>
    <message>
        <source>&amp;Grade:</source>
        <translation>&amp;Xếp loại:</translation>
    </message>
    <message>
        <source>&amp;Handed in on:</source>
        <translation>&amp;Ngày nộp:</translation>
    </message>
    <message>
        <source>Could not open this document.</source>
        <translation>Không mở được văn bản này.</translation>
    </message>
    <message>
        <source>USB drive {name}</source>
        <translation>ổ USB {name}</translation>
    </message>
    <message>
        <source>{size} free</source>
        <translation>còn trống {size}</translation>
    </message>
    <message>
        <source>dd/mm/yyyy</source>
        <translation>ngày/tháng/năm</translation>
    </message>
    <message>
        <source>Save (Ctrl+S)</source>
        <translation>Lưu (Ctrl+S)</translation>
    </message>
    <message>
        <source>Could not save. The details are in the log; the book was not changed.</source>
        <translation>Không lưu được. Chi tiết được ghi trong nhật ký; sổ không bị thay đổi.</translation>
    </message>
    <message>
        <source>There are unsaved changes. Save before closing?</source>
        <translation>Có thay đổi chưa lưu. Lưu trước khi đóng?</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Lưu</translation>
    </message>
    <message>
        <source>Don’t save</source>
        <translation>Không lưu</translation>
    </message>
    <message>
        <source>Go back to editing</source>
        <translation>Quay lại sửa tiếp</translation>
    </message>
    <message>
        <source>Imported</source>
        <translation>Đã nhập</translation>
    </message>
    <message>
        <source>Awaiting confirmation</source>
        <translation>Chờ xác nhận</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>Bị từ chối</translation>
    </message>
    <message>
        <source>Held, imported again once confirmed</source>
        <translation>Đã giữ lại, nhập lại khi được xác nhận</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Tệp</translation>
    </message>
    <message>
        <source>Sent by</source>
        <translation>Đơn vị gửi</translation>
    </message>
    <message>
        <source>Bundle no.</source>
        <translation>Gói số</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>Kết quả</translation>
    </message>
    <message>
        <source>New</source>
        <translation>Mới</translation>
    </message>
    <message>
        <source>Updated</source>
        <translation>Cập nhật</translation>
    </message>
    <message>
        <source>Duplicate</source>
        <translation>Trùng</translation>
    </message>
    <message>
        <source>Stale</source>
        <translation>Cũ</translation>
    </message>
    <message>
        <source>Conflicts</source>
        <translation>Xung đột</translation>
    </message>
    <message>
        <source>{count} warnings: see the tab “Review bundles”</source>
        <translation>{count} cảnh báo: xem thẻ “Duyệt gói”</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Lý do</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>Ngày nhận</translation>
    </message>
    <message>
        <source>Bundle kind</source>
        <translation>Loại gói</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>Đơn vị</translation>
    </message>
    <message>
        <source>Restore bundle for the selected cell…</source>
        <translation>Ghi gói khôi phục cho chi bộ đang chọn…</translation>
    </message>
    <message>
        <source>For a cell that lost its computer: its book from the copy kept here, sealed to the cell’s key.</source>
        <translation>Cho chi bộ bị mất máy: sổ của chi bộ lấy từ bản sao lưu ở đây, niêm phong cho khóa của chi bộ.</translation>
    </message>
    <message>
        <source>Forward to the level above</source>
        <translation>Chuyển lên cấp trên</translation>
    </message>
    <message>
        <source>The level above: {name}. One bundle carries the cells’ bundles, each with the cell’s own signature, and this unit’s records; it is sealed to the key of the level above and carries what it has not yet confirmed receiving. {count} bundles forwarded so far.</source>
        <translation>Cấp trên: {name}. Một gói mang các gói của các chi bộ, mỗi gói giữ nguyên chữ ký của chi bộ, cùng dữ liệu của đơn vị này; gói được niêm phong cho khóa của cấp trên và mang những gì cấp trên chưa xác nhận đã nhận. Đã chuyển lên {count} gói.</translation>
    </message>
    <message>
        <source>The level above: {name} (key fingerprint {fingerprint}). Report bundles are sealed: only the level above can open them. {count} bundles sent; each carries every change the level above has not yet confirmed receiving.</source>
        <translation>Cấp trên: {name} (mã khóa {fingerprint}). Gói báo cáo được niêm phong: chỉ cấp trên mở được. Đã gửi {count} gói; mỗi gói mang mọi thay đổi mà cấp trên chưa xác nhận đã nhận.</translation>
    </message>
    <message>
        <source>The level above sent a new key ({new}, in place of {old}); it waits for your confirmation under “Keys awaiting confirmation” on the tab “Receive a plan bundle”. Until it is confirmed, report bundles are still sealed to the old key {old}: phone the level above, compare the new fingerprint, confirm it, then send.</source>
        <translation>Cấp trên đã gửi mã khóa mới ({new}, thay cho {old}), đang chờ đồng chí xác nhận ở mục “Mã khóa chờ xác nhận” trong thẻ “Nhận gói kế hoạch”. Khi chưa xác nhận, gói báo cáo vẫn được niêm phong bằng khóa cũ {old}: hãy gọi điện cho cấp trên, đối chiếu mã khóa mới, xác nhận rồi mới gửi báo cáo.</translation>
    </message>
    <message>
        <source>No plan bundle from the level above imported yet, so a report bundle cannot be sealed and is not written: import the plan bundle of the level above first (tab “Receive a plan bundle”). {count} bundles sent.</source>
        <translation>Chưa nhập gói kế hoạch của cấp trên nên gói báo cáo chưa niêm phong được và sẽ không được ghi: hãy nhập gói kế hoạch của cấp trên trước (thẻ “Nhận gói kế hoạch”). Đã gửi {count} gói.</translation>
    </message>
    <message>
        <source>Key fingerprint to compare</source>
        <translation>Mã khóa cần đối chiếu</translation>
    </message>
    <message>
        <source>Key approved before</source>
        <translation>Mã khóa đã xác nhận trước</translation>
    </message>
    <message>
        <source>Bundles waiting</source>
        <translation>Gói đang chờ</translation>
    </message>
    <message>
        <source>First received</source>
        <translation>Nhận lần đầu</translation>
    </message>
    <message>
        <source>The signing key of “{name}” has changed. Ask the unit itself (by phone, or on a signed paper) whether it really made a new key, for instance after restoring its book on a new computer.</source>
        <translation>Khóa ký của “{name}” đã thay đổi. Hãy hỏi chính đơn vị (qua điện thoại, hoặc giấy có chữ ký) xem có đúng họ vừa tạo khóa mới không, ví dụ sau khi khôi phục sổ trên máy tính mới.</translation>
    </message>
    <message>
        <source>“{name}” sends a bundle for the first time. Compare its key fingerprint with the one the unit reads out to you (it is shown in its chibo under Settings → Unit).</source>
        <translation>“{name}” gửi gói lần đầu. Hãy đối chiếu mã khóa dưới đây với mã do đơn vị đọc cho (mã hiện trong chibo của đơn vị, ở Cài đặt → Đơn vị).</translation>
    </message>
    <message>
        <source>Compare the key fingerprint of “{name}” with the one the level above reads out to you.</source>
        <translation>Hãy đối chiếu mã khóa của “{name}” với mã do cấp trên đọc cho.</translation>
    </message>
    <message>
        <source>Key approved before:</source>
        <translation>Mã khóa đã xác nhận trước đây:</translation>
    </message>
    <message>
        <source>New key fingerprint, to compare:</source>
        <translation>Mã khóa mới, cần đối chiếu:</translation>
    </message>
    <message>
        <source>Key fingerprint to compare:</source>
        <translation>Mã khóa cần đối chiếu:</translation>
    </message>
    <message>
        <source>I have checked that this unit belongs to us</source>
        <translation>Tôi đã xác minh đơn vị này thuộc cấp mình</translation>
    </message>
    <message>
        <source>I have checked that this is the cell’s level above</source>
        <translation>Tôi đã xác minh đây là cấp trên của chi bộ</translation>
    </message>
    <message>
        <source>Confirm only when the two fingerprints are exactly the same; the bundles waiting are imported then.</source>
        <translation>Chỉ xác nhận khi hai mã giống hệt nhau; các gói đang chờ sẽ được nhập ngay sau đó.</translation>
    </message>
    <message>
        <source>Keys awaiting confirmation</source>
        <translation>Mã khóa chờ xác nhận</translation>
    </message>
    <message>
        <source>Reject the key…</source>
        <translation>Từ chối mã khóa…</translation>
    </message>
    <message>
        <source>A bundle from {who} with a key not confirmed yet (a new unit, or a known unit with a new key) is held back and not counted. Compare the key fingerprint with the one the unit reads out over the phone before you confirm it.</source>
        <translation>Gói của {who} ký bằng khóa chưa được xác nhận (đơn vị mới, hoặc đơn vị cũ đổi khóa) được giữ lại, chưa tính. Hãy đối chiếu mã khóa với mã đơn vị đọc qua điện thoại rồi mới xác nhận.</translation>
    </message>
    <message>
        <source>(new unit)</source>
        <translation>(đơn vị mới)</translation>
    </message>
    <message>
        <source>Reject the key</source>
        <translation>Từ chối mã khóa</translation>
    </message>
    <message>
        <source>Reject the key {fingerprint} of “{name}”? Every bundle signed with it will be rejected from now on.</source>
        <translation>Từ chối mã khóa {fingerprint} của “{name}”? Từ nay mọi gói ký bằng khóa này đều bị từ chối.</translation>
    </message>
    <message>
        <source>Key fingerprint</source>
        <translation>Mã khóa</translation>
    </message>
    <message>
        <source>Last bundle</source>
        <translation>Gói cuối</translation>
    </message>
    <message>
        <source>Members</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Sessions held</source>
        <translation>Buổi sinh hoạt</translation>
    </message>
    <message>
        <source>Document</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Must study</source>
        <translation>Phải học</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>Tỷ lệ</translation>
    </message>
    <message>
        <source>plan</source>
        <translation>kế hoạch</translation>
    </message>
    <message>
        <source>report</source>
        <translation>báo cáo</translation>
    </message>
    <message>
        <source>The data exchange could not be finished. The details are in the log; the book was not changed.</source>
        <translation>Việc trao đổi dữ liệu không làm xong được. Chi tiết được ghi trong nhật ký; sổ không bị thay đổi.</translation>
    </message>
    <message>
        <source>Write to:</source>
        <translation>Ghi vào:</translation>
    </message>
    <message>
        <source>Look for USB drives again</source>
        <translation>Tìm lại ổ USB</translation>
    </message>
    <message>
        <source>Plug in the USB stick, then press this button so that chibo sees the new drive.</source>
        <translation>Cắm USB rồi bấm nút này để chibo thấy ổ mới.</translation>
    </message>
    <message>
        <source>Choose a folder…</source>
        <translation>Chọn thư mục…</translation>
    </message>
    <message>
        <source>Folder {folder}</source>
        <translation>Thư mục {folder}</translation>
    </message>
    <message>
        <source>the folder {folder}</source>
        <translation>thư mục {folder}</translation>
    </message>
    <message>
        <source>No USB drive found: plug in a USB stick and press “Look for USB drives again”, or choose a folder</source>
        <translation>Chưa thấy ổ USB nào: hãy cắm USB rồi bấm “Tìm lại ổ USB”, hoặc chọn thư mục</translation>
    </message>
    <message>
        <source>Choose the folder to write the bundle to</source>
        <translation>Chọn thư mục ghi gói dữ liệu</translation>
    </message>
    <message>
        <source>Import a whole folder…</source>
        <translation>Nhập cả thư mục…</translation>
    </message>
    <message>
        <source>%v/%m bundles</source>
        <translation>%v/%m gói</translation>
    </message>
    <message>
        <source>Choose data bundles</source>
        <translation>Chọn gói dữ liệu</translation>
    </message>
    <message>
        <source>chibo data bundles (*.chibo);;All files (*)</source>
        <translation>Gói dữ liệu chibo (*.chibo);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>Choose the folder that holds the bundles</source>
        <translation>Chọn thư mục có các gói dữ liệu</translation>
    </message>
    <message>
        <source>The folder “{folder}” holds no .chibo file.</source>
        <translation>Thư mục “{folder}” không có tệp .chibo nào.</translation>
    </message>
    <message>
        <source>{count} bundles done: {imported} imported, {pending} awaiting confirmation, {rejected} rejected.</source>
        <translation>Đã xử lý {count} gói: nhập {imported}, chờ xác nhận {pending}, bị từ chối {rejected}.</translation>
    </message>
    <message>
        <source>Checking and importing {file}…</source>
        <translation>Đang kiểm tra và nhập {file}…</translation>
    </message>
    <message>
        <source>Confirm the key…</source>
        <translation>Xác nhận mã khóa…</translation>
    </message>
    <message>
        <source>Confirm the key</source>
        <translation>Xác nhận mã khóa</translation>
    </message>
    <message>
        <source>Both are the same: confirm</source>
        <translation>Hai mã giống nhau, xác nhận</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Hủy</translation>
    </message>
    <message>
        <source>Send everything again, not only what the level above has not confirmed</source>
        <translation>Gửi lại tất cả, không chỉ phần cấp trên chưa xác nhận</translation>
    </message>
    <message>
        <source>Send the whole book (when the level above asks to start again)</source>
        <translation>Gửi toàn bộ sổ (khi cấp trên đề nghị gửi lại từ đầu)</translation>
    </message>
    <message>
        <source>Export without sealing, because the level above asked for it: anyone holding the USB stick can read the members’ personal data</source>
        <translation>Xuất không niêm phong vì cấp trên yêu cầu: ai cầm USB cũng đọc được thông tin cá nhân của đảng viên</translation>
    </message>
    <message>
        <source>Export a plan bundle</source>
        <translation>Xuất gói kế hoạch</translation>
    </message>
    <message>
        <source>Export a report bundle</source>
        <translation>Xuất gói báo cáo</translation>
    </message>
    <message>
        <source>Export without sealing</source>
        <translation>Xuất không niêm phong</translation>
    </message>
    <message>
        <source>The bundle will not be sealed: anyone who holds the USB stick can read the members’ names, dates of birth, phone numbers and card numbers.

The safe way is to import the plan bundle of the level above first; then every bundle is sealed to its key. Export without sealing only when the level above asked for it, and delete the file once it was imported.</source>
        <translation>Gói sẽ không được niêm phong: ai cầm USB cũng đọc được họ tên, ngày sinh, số điện thoại và số thẻ của đảng viên.

Cách an toàn là nhập gói kế hoạch của cấp trên trước; từ đó mọi gói đều được niêm phong bằng khóa của cấp trên. Chỉ xuất không niêm phong khi cấp trên yêu cầu, và xóa tệp sau khi cấp trên đã nhập.</translation>
    </message>
    <message>
        <source>Plug in a USB stick and press “Look for USB drives again”, or press “Choose a folder…”.</source>
        <translation>Hãy cắm USB rồi bấm “Tìm lại ổ USB”, hoặc bấm “Chọn thư mục…”.</translation>
    </message>
    <message>
        <source>Writing the bundle and reading it back to check…</source>
        <translation>Đang ghi gói và đọc lại để kiểm tra…</translation>
    </message>
    <message>
        <source>plan bundle</source>
        <translation>gói kế hoạch</translation>
    </message>
    <message>
        <source>bundle</source>
        <translation>gói</translation>
    </message>
    <message>
        <source>forward bundle</source>
        <translation>gói chuyển lên</translation>
    </message>
    <message>
        <source>Wrote {what} no. {seq} to {where}, {size}, and checked it.</source>
        <translation>Đã ghi {what} số {seq} vào {where}, {size}, đã kiểm tra.</translation>
    </message>
    <message>
        <source>
File: {file} ({bundles} bundles of {units} units below, each with its own signature; {records} records of this unit).</source>
        <translation>
Tệp: {file} ({bundles} gói của {units} đơn vị cấp dưới, mỗi gói giữ nguyên chữ ký; {records} bản ghi của đơn vị này).</translation>
    </message>
    <message>
        <source>
File: {file} ({records} records).</source>
        <translation>
Tệp: {file} ({records} bản ghi).</translation>
    </message>
    <message>
        <source>
Take this bundle to the cells to import into their books.</source>
        <translation>
Mang gói này đến các chi bộ để nhập vào sổ của chi bộ.</translation>
    </message>
    <message>
        <source>
The bundle is NOT sealed: keep the USB stick safe and delete the file once the level above has imported it.</source>
        <translation>
Gói KHÔNG được niêm phong: hãy giữ USB cẩn thận và xóa tệp sau khi cấp trên đã nhập.</translation>
    </message>
    <message>
        <source>Data exchange</source>
        <translation>Trao đổi dữ liệu</translation>
    </message>
    <message>
        <source>Import report bundles…</source>
        <translation>Nhập gói báo cáo…</translation>
    </message>
    <message>
        <source>Import a plan bundle…</source>
        <translation>Nhập gói kế hoạch…</translation>
    </message>
    <message>
        <source>a cell</source>
        <translation>một chi bộ</translation>
    </message>
    <message>
        <source>the level above</source>
        <translation>cấp trên</translation>
    </message>
    <message>
        <source>By unit</source>
        <translation>Theo đơn vị</translation>
    </message>
    <message>
        <source>Study of documents (all units summed)</source>
        <translation>Học tập, quán triệt văn bản (cộng các đơn vị)</translation>
    </message>
    <message>
        <source>Receive report bundles</source>
        <translation>Nhận gói báo cáo</translation>
    </message>
    <message>
        <source>Review bundles</source>
        <translation>Duyệt gói</translation>
    </message>
    <message>
        <source>Who has reported</source>
        <translation>Tình hình báo cáo</translation>
    </message>
    <message>
        <source>Summed figures</source>
        <translation>Số liệu tổng hợp</translation>
    </message>
    <message>
        <source>Study rates chart</source>
        <translation>Biểu đồ tỷ lệ học tập</translation>
    </message>
    <message>
        <source>Send a plan bundle</source>
        <translation>Gửi gói kế hoạch</translation>
    </message>
    <message>
        <source>Send a report to the level above</source>
        <translation>Gửi báo cáo lên cấp trên</translation>
    </message>
    <message>
        <source>Receive a plan bundle</source>
        <translation>Nhận gói kế hoạch</translation>
    </message>
    <message>
        <source>Every bundle received, newest first</source>
        <translation>Mọi gói đã nhận, mới nhất trước</translation>
    </message>
    <message>
        <source>Log</source>
        <translation>Nhật ký</translation>
    </message>
    <message>
        <source>Confirmed; the {count} bundles waiting were imported again.</source>
        <translation>Đã xác nhận; nhập lại {count} gói đang chờ.</translation>
    </message>
    <message>
        <source>{unit}. The unit’s key fingerprint: &lt;b&gt;{fingerprint}&lt;/b&gt; (read it out for the other unit to compare)</source>
        <translation>{unit}. Mã khóa của đơn vị: &lt;b&gt;{fingerprint}&lt;/b&gt; (đọc cho đơn vị kia đối chiếu)</translation>
    </message>
    <message>
        <source>{unit}. This computer has no key of the unit (the key sent out was {fingerprint}): make new keys under Settings → Unit, then read the new fingerprint out to the other unit.</source>
        <translation>{unit}. Máy này không có khóa của đơn vị (mã khóa đã gửi đi: {fingerprint}): hãy tạo khóa mới ở Cài đặt → Đơn vị, rồi đọc mã khóa mới cho đơn vị kia đối chiếu.</translation>
    </message>
    <message>
        <source>{unit}. The unit’s key is made when the first bundle is exported.</source>
        <translation>{unit}. Mã khóa của đơn vị sẽ được tạo khi xuất gói lần đầu.</translation>
    </message>
    <message>
        <source>The plan bundle sent to the cells: the committee’s key, the documents to study with their deadlines, and the last bundle received from each cell. {count} plan bundles exported so far.</source>
        <translation>Gói kế hoạch gửi các chi bộ: khóa của đảng ủy, các văn bản cần học tập và thời hạn, và gói cuối cùng đã nhận của mỗi chi bộ. Đã xuất {count} gói kế hoạch.</translation>
    </message>
    <message>
        <source>Welcome to chibo</source>
        <translation>Chào mừng đến với chibo</translation>
    </message>
    <message>
        <source>chibo keeps the Party cell’s book on this computer, with no Internet needed: the member register, the documents to study, the sessions, the minutes, the action plans. Your unit’s book has not been set up yet. Would you like to:</source>
        <translation>chibo giúp ghi sổ chi bộ trên máy tính này, không cần Internet: danh sách đảng viên, văn bản học tập, các buổi sinh hoạt, biên bản, kế hoạch hành động. Sổ của đơn vị chưa được tạo. Bạn muốn:</translation>
    </message>
    <message>
        <source>Set up my unit and start keeping the real book</source>
        <translation>Khai báo đơn vị của tôi để bắt đầu ghi sổ thật</translation>
    </message>
    <message>
        <source>Try the demo cell (made-up names and figures, in a folder of its own; the real book stays empty)</source>
        <translation>Xem thử với chi bộ mẫu (tên và số liệu hư cấu, để ở thư mục riêng; sổ thật vẫn để trống)</translation>
    </message>
    <message>
        <source>Get my cell’s book back from the level above (the cell’s computer was lost or broken)</source>
        <translation>Lấy lại sổ của chi bộ từ cấp trên (máy cũ của chi bộ bị mất hoặc hỏng)</translation>
    </message>
    <message>
        <source>Your unit</source>
        <translation>Thông tin đơn vị</translation>
    </message>
    <message>
        <source>Printed on the minutes and reports; it can be changed later on the Settings page.</source>
        <translation>In trên biên bản và báo cáo; sửa được sau ở trang Cài đặt.</translation>
    </message>
    <message>
        <source>For example: Chi bộ bản Nậm Cáy</source>
        <translation>Ví dụ: Chi bộ bản Nậm Cáy</translation>
    </message>
    <message>
        <source>For example: Đảng bộ xã Sơn Cao</source>
        <translation>Ví dụ: Đảng bộ xã Sơn Cao</translation>
    </message>
    <message>
        <source>For example: Sơn Cao (written at the head of papers: “Sơn Cao, ngày … tháng … năm …”)</source>
        <translation>Ví dụ: Sơn Cao (ghi ở đầu văn bản: “Sơn Cao, ngày … tháng … năm …”)</translation>
    </message>
    <message>
        <source>Unit name (*):</source>
        <translation>Tên đơn vị (*):</translation>
    </message>
    <message>
        <source>Superior body:</source>
        <translation>Cấp ủy cấp trên:</translation>
    </message>
    <message>
        <source>Place name:</source>
        <translation>Địa danh:</translation>
    </message>
    <message>
        <source>Cell: keeps the cell’s book, sends reports to the level above</source>
        <translation>Chi bộ: ghi sổ của chi bộ, gửi báo cáo lên cấp trên</translation>
    </message>
    <message>
        <source>Receiving level (commune Party committee): receives and sums the cells’ figures, sends plans down</source>
        <translation>Cấp nhận báo cáo (Đảng ủy xã): nhận, cộng số liệu các chi bộ, gửi kế hoạch xuống</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Vai trò:</translation>
    </message>
    <message>
        <source>Enter the unit’s name.</source>
        <translation>Hãy nhập tên đơn vị.</translation>
    </message>
    <message>
        <source>Member list</source>
        <translation>Danh sách đảng viên</translation>
    </message>
    <message>
        <source>Does the cell already have its member list in an Excel file?</source>
        <translation>Chi bộ đã có danh sách đảng viên trong tệp Excel chưa?</translation>
    </message>
    <message>
        <source>Import from an Excel (.xlsx) or CSV file: chibo checks every row before writing</source>
        <translation>Nhập từ tệp Excel (.xlsx) hoặc CSV: chibo kiểm tra từng dòng trước khi ghi</translation>
    </message>
    <message>
        <source>Enter the members by hand after finishing</source>
        <translation>Nhập tay từng đảng viên sau khi hoàn tất</translation>
    </message>
    <message>
        <source>Import the list from a file</source>
        <translation>Nhập danh sách từ tệp</translation>
    </message>
    <message>
        <source>Nothing is written to the book until you press Finish.</source>
        <translation>Chưa ghi gì vào sổ cho đến khi bấm Hoàn tất.</translation>
    </message>
    <message>
        <source>chibo — Set up the book</source>
        <translation>chibo — Khởi tạo sổ</translation>
    </message>
    <message>
        <source>&lt; Back</source>
        <translation>&lt; Quay lại</translation>
    </message>
    <message>
        <source>Next &gt;</source>
        <translation>Tiếp theo &gt;</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>Hoàn tất</translation>
    </message>
    <message>
        <source>Quit</source>
        <translation>Thoát</translation>
    </message>
    <message>
        <source>Setting up the book…</source>
        <translation>Đang tạo sổ…</translation>
    </message>
    <message>
        <source>Could not set up the book. The details are in the log; the book is still empty.</source>
        <translation>Không tạo được sổ. Chi tiết được ghi trong nhật ký; sổ vẫn để trống.</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Ngày</translation>
    </message>
    <message>
        <source>Kind and summary</source>
        <translation>Tên loại và trích yếu</translation>
    </message>
    <message>
        <source>Recipients</source>
        <translation>Nơi nhận</translation>
    </message>
    <message>
        <source>Original</source>
        <translation>Bản lưu</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Có bản lưu</translation>
    </message>
    <message>
        <source>File missing</source>
        <translation>Mất tệp bản lưu</translation>
    </message>
    <message>
        <source>File altered</source>
        <translation>Bản lưu đã bị sửa</translation>
    </message>
    <message>
        <source>Numbered before originals were kept</source>
        <translation>Cấp số trước khi có bản lưu</translation>
    </message>
    <message>
        <source>Outgoing register</source>
        <translation>Sổ đăng ký văn bản đi</translation>
    </message>
    <message>
        <source>Papers issued with a number in this term. A paper issued is never changed: it is printed again from its kept original.</source>
        <translation>Các giấy tờ đã cấp số trong nhiệm kỳ. Giấy đã cấp số không bao giờ bị sửa: in lại là in từ bản gốc đã lưu.</translation>
    </message>
    <message>
        <source>{count} papers.</source>
        <translation>{count} văn bản.</translation>
    </message>
    <message>
        <source>&amp;View the original…</source>
        <translation>&amp;Xem bản gốc…</translation>
    </message>
    <message>
        <source>&amp;Print the register…</source>
        <translation>&amp;In sổ đăng ký…</translation>
    </message>
    <message>
        <source>Select a paper in the register.</source>
        <translation>Hãy chọn một văn bản trong sổ.</translation>
    </message>
    <message>
        <source>The original of {number}, issued on {date}.</source>
        <translation>Bản gốc của văn bản số {number}, cấp ngày {date}.</translation>
    </message>
    <message>
        <source>Could not read this paper&apos;s original.</source>
        <translation>Không đọc được bản gốc của văn bản này.</translation>
    </message>
    <message>
        <source>Could not make the register.</source>
        <translation>Không lập được sổ đăng ký văn bản đi.</translation>
    </message>
    <message>
        <source>Session</source>
        <translation>Buổi sinh hoạt</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>Hình thức</translation>
    </message>
    <message>
        <source>Present</source>
        <translation>Có mặt</translation>
    </message>
    <message>
        <source>Absent</source>
        <translation>Vắng</translation>
    </message>
    <message>
        <source>Minutes no.</source>
        <translation>Số biên bản</translation>
    </message>
    <message>
        <source>Number-symbol</source>
        <translation>Số, ký hiệu</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Loại</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Trích yếu</translation>
    </message>
    <message>
        <source>Issuing level</source>
        <translation>Cấp ban hành</translation>
    </message>
    <message>
        <source>Deadline</source>
        <translation>Thời hạn</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>Năm</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Kế hoạch</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>Của đảng viên</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>Nội dung</translation>
    </message>
    <message>
        <source>Done</source>
        <translation>Hoàn thành</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>Quá hạn</translation>
    </message>
    <message>
        <source>Could not open this session.</source>
        <translation>Không mở được buổi này.</translation>
    </message>
    <message>
        <source>Cell sessions</source>
        <translation>Sinh hoạt chi bộ</translation>
    </message>
    <message>
        <source>Minutes</source>
        <translation>Biên bản</translation>
    </message>
    <message>
        <source>Sign-in sheet</source>
        <translation>Danh sách ký tên</translation>
    </message>
    <message>
        <source>Select a session in the list.</source>
        <translation>Hãy chọn một buổi sinh hoạt trong danh sách.</translation>
    </message>
    <message>
        <source>{count} sessions. Select one, then press Preview, Print or Save PDF.</source>
        <translation>{count} buổi sinh hoạt. Chọn một buổi rồi bấm Xem trước, In hoặc Lưu PDF.</translation>
    </message>
    <message>
        <source>{count} sessions in this cell’s book.</source>
        <translation>{count} buổi sinh hoạt trong sổ của chi bộ này.</translation>
    </message>
    <message>
        <source>New session (Ctrl+N)</source>
        <translation>Ghi buổi mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit the session, attendance…</source>
        <translation>Sửa buổi, điểm danh…</translation>
    </message>
    <message>
        <source>No session recorded yet. Press “New session” to record a meeting, its attendance and minutes.</source>
        <translation>Chưa ghi buổi sinh hoạt nào. Bấm “Ghi buổi mới” để ghi một buổi họp, điểm danh và biên bản.</translation>
    </message>
    <message>
        <source>Delete the session…</source>
        <translation>Xóa buổi sinh hoạt…</translation>
    </message>
    <message>
        <source>Delete the session “{title}” of {date} with its attendance, speeches and documents studied?</source>
        <translation>Xóa buổi “{title}” ngày {date} cùng điểm danh, ý kiến phát biểu và văn bản đã học?</translation>
    </message>
    <message>
        <source>No document to study yet. Press “Add a document” for each resolution or directive the level above sends, or import the plan bundle on the Data exchange page.</source>
        <translation>Chưa có văn bản nào cần học. Bấm “Thêm văn bản” cho mỗi nghị quyết, chỉ thị cấp trên gửi về, hoặc nhập gói kế hoạch ở trang Trao đổi dữ liệu.</translation>
    </message>
    <message>
        <source>Delete the document {document} from the list to study?</source>
        <translation>Xóa văn bản {document} khỏi danh sách cần học tập?</translation>
    </message>
    <message>
        <source>{count} documents this level sends its cells; “Studied” is summed over the cells, as of today.</source>
        <translation>{count} văn bản cấp mình gửi các chi bộ; cột “Đã học” cộng của các chi bộ, tính đến hôm nay.</translation>
    </message>
    <message>
        <source>{count} plans of this cell and of its members.</source>
        <translation>{count} kế hoạch của chi bộ này và của đảng viên.</translation>
    </message>
    <message>
        <source>No plan yet. Press “New plan” for the cell’s programme to carry out a document, or for a member’s own action plan.</source>
        <translation>Chưa có kế hoạch nào. Bấm “Lập kế hoạch mới” cho chương trình thực hiện một văn bản của chi bộ, hoặc cho kế hoạch hành động của một đảng viên.</translation>
    </message>
    <message>
        <source>Delete the plan “{title}” with all its tasks?</source>
        <translation>Xóa kế hoạch “{title}” cùng mọi nhiệm vụ của nó?</translation>
    </message>
    <message>
        <source>Documents to study</source>
        <translation>Văn bản học tập, quán triệt</translation>
    </message>
    <message>
        <source>Study-result report</source>
        <translation>Báo cáo kết quả học tập</translation>
    </message>
    <message>
        <source>Select a document in the list.</source>
        <translation>Hãy chọn một văn bản trong danh sách.</translation>
    </message>
    <message>
        <source>{count} documents. The study-result report counts up to today.</source>
        <translation>{count} văn bản. Báo cáo kết quả học tập tính đến hôm nay.</translation>
    </message>
    <message>
        <source>Add a document (Ctrl+N)</source>
        <translation>Thêm văn bản (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit the document…</source>
        <translation>Sửa văn bản…</translation>
    </message>
    <message>
        <source>Who has studied it, who has not; make-ups, essays…</source>
        <translation>Ai đã học, ai chưa; học bù, thu hoạch…</translation>
    </message>
    <message>
        <source>Delete the document…</source>
        <translation>Xóa văn bản…</translation>
    </message>
    <message>
        <source>Programmes and action plans</source>
        <translation>Chương trình, kế hoạch hành động</translation>
    </message>
    <message>
        <source>Action plan</source>
        <translation>Kế hoạch hành động</translation>
    </message>
    <message>
        <source>Select a plan in the list.</source>
        <translation>Hãy chọn một kế hoạch trong danh sách.</translation>
    </message>
    <message>
        <source>{count} plans of the cell and of its members.</source>
        <translation>{count} kế hoạch của chi bộ và của đảng viên.</translation>
    </message>
    <message>
        <source>New plan (Ctrl+N)</source>
        <translation>Lập kế hoạch mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit the plan, update progress…</source>
        <translation>Sửa kế hoạch, cập nhật tiến độ…</translation>
    </message>
    <message>
        <source>Delete the plan…</source>
        <translation>Xóa kế hoạch…</translation>
    </message>
    <message>
        <source>Overview</source>
        <translation>Tổng quan</translation>
    </message>
    <message>
        <source>Documents</source>
        <translation>Văn bản</translation>
    </message>
    <message>
        <source>Sessions</source>
        <translation>Sinh hoạt</translation>
    </message>
    <message>
        <source>Action plans</source>
        <translation>Kế hoạch hành động</translation>
    </message>
    <message>
        <source>Outreach</source>
        <translation>Tuyên truyền</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Cài đặt</translation>
    </message>
    <message>
        <source>chibo — the Party cell’s book</source>
        <translation>chibo — Sổ sách chi bộ</translation>
    </message>
    <message>
        <source>Opening the book…</source>
        <translation>Đang mở sổ…</translation>
    </message>
    <message>
        <source>The settings have unsaved changes. Close chibo without saving them?</source>
        <translation>Cài đặt có thay đổi chưa lưu. Đóng chibo mà không lưu?</translation>
    </message>
    <message>
        <source>{unit} (demo cell, made-up data)</source>
        <translation>{unit} (chi bộ mẫu, dữ liệu hư cấu)</translation>
    </message>
    <message>
        <source>{unit} — book kept in {folder}</source>
        <translation>{unit} — sổ lưu ở {folder}</translation>
    </message>
    <message>
        <source>Could not read the book. The details are in the log; try opening chibo again.</source>
        <translation>Không đọc được dữ liệu của sổ. Chi tiết được ghi trong nhật ký; hãy thử mở lại chibo.</translation>
    </message>
    <message>
        <source>Male</source>
        <translation>Nam</translation>
    </message>
    <message>
        <source>Female</source>
        <translation>Nữ</translation>
    </message>
    <message>
        <source>Edit member</source>
        <translation>Sửa thông tin đảng viên</translation>
    </message>
    <message>
        <source>Add member</source>
        <translation>Thêm đảng viên</translation>
    </message>
    <message>
        <source>Full name, with diacritics</source>
        <translation>Họ và tên đầy đủ, có dấu</translation>
    </message>
    <message>
        <source>Only when the birth date is not known.</source>
        <translation>Chỉ điền khi không biết ngày sinh.</translation>
    </message>
    <message>
        <source>&amp;Full name (*):</source>
        <translation>&amp;Họ và tên (*):</translation>
    </message>
    <message>
        <source>&amp;Sex:</source>
        <translation>&amp;Giới tính:</translation>
    </message>
    <message>
        <source>&amp;Birth date:</source>
        <translation>&amp;Ngày sinh:</translation>
    </message>
    <message>
        <source>Birth year (if the date is not known):</source>
        <translation>Năm sinh (nếu không rõ ngày):</translation>
    </message>
    <message>
        <source>&amp;Ethnicity:</source>
        <translation>&amp;Dân tộc:</translation>
    </message>
    <message>
        <source>Party &amp;card no.:</source>
        <translation>Số &amp;thẻ đảng viên:</translation>
    </message>
    <message>
        <source>&amp;Admitted on:</source>
        <translation>Ngày &amp;vào Đảng:</translation>
    </message>
    <message>
        <source>Full member since:</source>
        <translation>Ngày chính thức:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Điện thoại:</translation>
    </message>
    <message>
        <source>&amp;Position in the cell:</source>
        <translation>&amp;Chức vụ trong chi bộ:</translation>
    </message>
    <message>
        <source>Sta&amp;tus:</source>
        <translation>Tình t&amp;rạng:</translation>
    </message>
    <message>
        <source>In the cell since:</source>
        <translation>Sinh hoạt ở chi bộ từ ngày:</translation>
    </message>
    <message>
        <source>{status} (changed with the button “Change status, transfer…”)</source>
        <translation>{status} (đổi bằng nút “Đổi tình trạng, chuyển đi…”)</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Tình trạng:</translation>
    </message>
    <message>
        <source>Change status: {name}</source>
        <translation>Đổi tình trạng: {name}</translation>
    </message>
    <message>
        <source>&lt;b&gt;History:&lt;/b&gt;&lt;br&gt;</source>
        <translation>&lt;b&gt;Quá trình:&lt;/b&gt;&lt;br&gt;</translation>
    </message>
    <message>
        <source>No history yet.</source>
        <translation>Chưa có quá trình.</translation>
    </message>
    <message>
        <source>for example: decision number, where they moved to</source>
        <translation>ví dụ: số quyết định, nơi chuyển đến</translation>
    </message>
    <message>
        <source>&amp;New status:</source>
        <translation>&amp;Tình trạng mới:</translation>
    </message>
    <message>
        <source>&amp;From:</source>
        <translation>Từ &amp;ngày:</translation>
    </message>
    <message>
        <source>&amp;Reason for leaving:</source>
        <translation>&amp;Lý do rời chi bộ:</translation>
    </message>
    <message>
        <source>N&amp;otes:</source>
        <translation>&amp;Ghi chú:</translation>
    </message>
    <message>
        <source>Choose the reason for leaving the cell.</source>
        <translation>Hãy chọn lý do rời chi bộ.</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>Dòng</translation>
    </message>
    <message>
        <source>Birth date</source>
        <translation>Ngày sinh</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>Kết quả kiểm tra</translation>
    </message>
    <message>
        <source>Read from</source>
        <translation>Căn cứ</translation>
    </message>
    <message>
        <source>Member lists (*.xlsx *.csv)</source>
        <translation>Danh sách đảng viên (*.xlsx *.csv)</translation>
    </message>
    <message>
        <source>Can be imported</source>
        <translation>Nhập được</translation>
    </message>
    <message>
        <source>{status} (guessed)</source>
        <translation>{status} (đoán)</translation>
    </message>
    <message>
        <source>Choose an Excel or CSV file…</source>
        <translation>Chọn tệp Excel hoặc CSV…</translation>
    </message>
    <message>
        <source>No file chosen. Required column: “Họ và tên”; advised: Ngày sinh, Ngày vào Đảng, Ngày chính thức, Tình trạng, Chức vụ, Ghi chú.</source>
        <translation>Chưa chọn tệp. Cột bắt buộc: “Họ và tên”; nên có: Ngày sinh, Ngày vào Đảng, Ngày chính thức, Tình trạng, Chức vụ, Ghi chú.</translation>
    </message>
    <message>
        <source>Skip the rows with errors and the duplicates, import the rest</source>
        <translation>Bỏ qua các dòng lỗi và dòng trùng, nhập các dòng còn lại</translation>
    </message>
    <message>
        <source>Choose the member list</source>
        <translation>Chọn danh sách đảng viên</translation>
    </message>
    <message>
        <source>Reading {file}…</source>
        <translation>Đang đọc {file}…</translation>
    </message>
    <message>
        <source>File: {file}</source>
        <translation>Tệp: {file}</translation>
    </message>
    <message>
        <source>… and {count} more</source>
        <translation>… và {count} mục nữa</translation>
    </message>
    <message>
        <source>Left out, not members: </source>
        <translation>Bỏ qua, không phải đảng viên: </translation>
    </message>
    <message>
        <source>{rows} rows: {good} can be imported, {errors} with errors, {duplicates} duplicates.</source>
        <translation>{rows} dòng: nhập được {good}, lỗi {errors}, trùng {duplicates}.</translation>
    </message>
    <message>
        <source>Statuses: {statuses}.</source>
        <translation>Tình trạng: {statuses}.</translation>
    </message>
    <message>
        <source>{count} statuses are guesses (in italics): check them, and change one with a double click.</source>
        <translation>{count} tình trạng là đoán (chữ nghiêng): hãy kiểm tra, muốn sửa thì bấm đúp vào ô đó.</translation>
    </message>
    <message>
        <source> Columns not used: </source>
        <translation> Các cột không dùng: </translation>
    </message>
    <message>
        <source> Correct the file and choose it again, or tick the box below to skip them.</source>
        <translation> Hãy sửa tệp rồi chọn lại, hoặc đánh dấu ô bỏ qua ở dưới.</translation>
    </message>
    <message>
        <source>No file chosen.</source>
        <translation>Chưa chọn tệp.</translation>
    </message>
    <message>
        <source>Could not read this file. Open it in Excel, save it as .xlsx and choose it again.</source>
        <translation>Không đọc được tệp này. Hãy mở bằng Excel, lưu lại dạng .xlsx rồi chọn lại.</translation>
    </message>
    <message>
        <source>Choose the member list file first.</source>
        <translation>Hãy chọn tệp danh sách đảng viên trước.</translation>
    </message>
    <message>
        <source>Import the member list from a file</source>
        <translation>Nhập danh sách đảng viên từ tệp</translation>
    </message>
    <message>
        <source>Import into the book (Ctrl+S)</source>
        <translation>Nhập vào sổ (Ctrl+S)</translation>
    </message>
    <message>
        <source>Count</source>
        <translation>Số lượng</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Số người</translation>
    </message>
    <message>
        <source>No outreach recorded in {year} yet.</source>
        <translation>Năm {year} chưa ghi hoạt động tuyên truyền nào.</translation>
    </message>
    <message>
        <source>{kind}: {times} times</source>
        <translation>{kind}: {times} lần</translation>
    </message>
    <message>
        <source>, {people} people</source>
        <translation>, {people} người</translation>
    </message>
    <message>
        <source>{year}: </source>
        <translation>Năm {year}: </translation>
    </message>
    <message>
        <source>. People reached in all: {people}.</source>
        <translation>. Tổng số người được tuyên truyền: {people}.</translation>
    </message>
    <message>
        <source>Record outreach</source>
        <translation>Ghi hoạt động tuyên truyền</translation>
    </message>
    <message>
        <source>For example: Resolution 57 explained to the villagers of Nà Khum</source>
        <translation>Ví dụ: Tuyên truyền Nghị quyết 57 cho bà con bản Nà Khum</translation>
    </message>
    <message>
        <source>(no document)</source>
        <translation>(không gắn văn bản)</translation>
    </message>
    <message>
        <source>&amp;Form:</source>
        <translation>&amp;Hình thức:</translation>
    </message>
    <message>
        <source>&amp;Date:</source>
        <translation>&amp;Ngày:</translation>
    </message>
    <message>
        <source>&amp;Content:</source>
        <translation>Nội &amp;dung:</translation>
    </message>
    <message>
        <source>D&amp;ocument:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>Cou&amp;nt (meetings, articles, banners…):</source>
        <translation>Số &amp;lượng (buổi, tin bài, pa nô…):</translation>
    </message>
    <message>
        <source>&amp;People reached:</source>
        <translation>Số người được &amp;tuyên truyền:</translation>
    </message>
    <message>
        <source>Outreach to non-members</source>
        <translation>Tuyên truyền cho quần chúng</translation>
    </message>
    <message>
        <source>Select an activity in the list.</source>
        <translation>Hãy chọn một hoạt động trong danh sách.</translation>
    </message>
    <message>
        <source>{count} outreach activities.</source>
        <translation>{count} hoạt động tuyên truyền.</translation>
    </message>
    <message>
        <source>New activity (Ctrl+N)</source>
        <translation>Ghi hoạt động mới (Ctrl+N)</translation>
    </message>
    <message>
        <source>No outreach recorded yet. Press “New activity” after a meeting with the villagers, a loudspeaker broadcast, a news item or a poster.</source>
        <translation>Chưa ghi hoạt động tuyên truyền nào. Bấm “Ghi hoạt động mới” sau một buổi nói chuyện với bà con, một buổi phát loa, một tin bài hay một pa nô.</translation>
    </message>
    <message>
        <source>Delete the selected activity…</source>
        <translation>Xóa hoạt động đã chọn…</translation>
    </message>
    <message>
        <source>Delete the activity of {date} ({kind})?</source>
        <translation>Xóa hoạt động ngày {date} ({kind})?</translation>
    </message>
    <message>
        <source> chibo backs the book up first: it can be got back on the Settings page.</source>
        <translation> chibo sao lưu sổ trước khi xóa: có thể lấy lại ở trang Cài đặt.</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Xóa</translation>
    </message>
    <message>
        <source>Could not delete; the book was not changed.</source>
        <translation>Không xóa được; sổ không bị thay đổi.</translation>
    </message>
    <message>
        <source> and {count} more</source>
        <translation> và {count} người khác</translation>
    </message>
    <message>
        <source>no deadline set</source>
        <translation>chưa có hạn</translation>
    </message>
    <message>
        <source>due {date}, {days} days overdue</source>
        <translation>hạn {date}, đã quá {days} ngày</translation>
    </message>
    <message>
        <source>due today, {date}</source>
        <translation>hạn hôm nay, {date}</translation>
    </message>
    <message>
        <source>due {date}, {days} days left</source>
        <translation>hạn {date}, còn {days} ngày</translation>
    </message>
    <message>
        <source>What to do this month</source>
        <translation>Việc cần làm tháng này</translation>
    </message>
    <message>
        <source>Loading the figures…</source>
        <translation>Đang tải số liệu…</translation>
    </message>
    <message>
        <source>Month {month}/{year}: what to do</source>
        <translation>Việc cần làm tháng {month}/{year}</translation>
    </message>
    <message>
        <source>Today is {date}. {on_roll} members in the cell, {required} of whom must attend and study; {exempt} exempt.</source>
        <translation>Hôm nay {date}. Chi bộ có {on_roll} đảng viên, {required} người phải sinh hoạt và học tập; {exempt} người miễn sinh hoạt.</translation>
    </message>
    <message>
        <source>{month}/{year}</source>
        <translation>{month}/{year}</translation>
    </message>
    <message>
        <source>Regular meeting of {month}</source>
        <translation>Sinh hoạt thường kỳ tháng {month}</translation>
    </message>
    <message>
        <source>Not recorded yet.</source>
        <translation>Chưa ghi.</translation>
    </message>
    <message>
        <source>Record this month’s meeting…</source>
        <translation>Ghi buổi sinh hoạt tháng này…</translation>
    </message>
    <message>
        <source>{present}/{summoned} present, {absent} absent</source>
        <translation>có mặt {present}/{summoned}, vắng {absent}</translation>
    </message>
    <message>
        <source>roll call not finished: {count} not marked</source>
        <translation>điểm danh chưa xong: {count} người chưa đánh dấu</translation>
    </message>
    <message>
        <source>Recorded: {date}, {figures}.</source>
        <translation>Đã ghi: ngày {date}, {figures}.</translation>
    </message>
    <message>
        <source>Minutes no. {number}</source>
        <translation>Biên bản số {number}</translation>
    </message>
    <message>
        <source>Minutes not yet printed.</source>
        <translation>Biên bản chưa in.</translation>
    </message>
    <message>
        <source>Open the meeting…</source>
        <translation>Mở buổi sinh hoạt…</translation>
    </message>
    <message>
        <source>Next: {title} on {date}.</source>
        <translation>Sắp tới: {title}, ngày {date}.</translation>
    </message>
    <message>
        <source>Documents being studied</source>
        <translation>Văn bản đang học</translation>
    </message>
    <message>
        <source>Every document has been studied by every member who must.</source>
        <translation>Mọi văn bản đã được tất cả đảng viên phải học học xong.</translation>
    </message>
    <message>
        <source>{studied}/{required} studied ({rate})</source>
        <translation>đã học {studied}/{required} ({rate})</translation>
    </message>
    <message>
        <source>Who needs a make-up</source>
        <translation>Ai cần học bù</translation>
    </message>
    <message>
        <source>Nobody: every member who missed a study has made it up.</source>
        <translation>Không ai: người vắng buổi học đều đã học bù.</translation>
    </message>
    <message>
        <source>Not studied yet; the last study session was on {date}.</source>
        <translation>Chưa học; buổi học gần nhất ngày {date}.</translation>
    </message>
    <message>
        <source>{document} ({count}): {names}</source>
        <translation>{document} ({count} người): {names}</translation>
    </message>
    <message>
        <source>Proposed day: {date}, with the roll of that day.</source>
        <translation>Ngày đề xuất: {date}, điểm danh theo danh sách ngày ấy.</translation>
    </message>
    <message>
        <source>Create the make-up session…</source>
        <translation>Tạo buổi học bù…</translation>
    </message>
    <message>
        <source>Essays not handed in</source>
        <translation>Bài thu hoạch chưa nộp</translation>
    </message>
    <message>
        <source>Every member who studied a document has handed in the essay.</source>
        <translation>Ai đã học văn bản đều đã nộp bài thu hoạch.</translation>
    </message>
    <message>
        <source>Record essays…</source>
        <translation>Ghi bài thu hoạch…</translation>
    </message>
    <message>
        <source>Overdue tasks</source>
        <translation>Nhiệm vụ quá hạn</translation>
    </message>
    <message>
        <source>No task of the action plans is past its deadline.</source>
        <translation>Không có nhiệm vụ nào của các kế hoạch bị quá hạn.</translation>
    </message>
    <message>
        <source>{days} days late ({member}): {task}</source>
        <translation>Quá hạn {days} ngày ({member}): {task}</translation>
    </message>
    <message>
        <source>{days} days late: {task}</source>
        <translation>Quá hạn {days} ngày: {task}</translation>
    </message>
    <message>
        <source>and {count} more.</source>
        <translation>và {count} nhiệm vụ khác.</translation>
    </message>
    <message>
        <source>All plans…</source>
        <translation>Xem các kế hoạch…</translation>
    </message>
    <message>
        <source>Report to the level above</source>
        <translation>Báo cáo lên cấp trên</translation>
    </message>
    <message>
        <source> on {date}</source>
        <translation> ngày {date}</translation>
    </message>
    <message>
        <source>Last bundle sent: no. {seq}{when}.</source>
        <translation>Gói gửi gần nhất: số {seq}{when}.</translation>
    </message>
    <message>
        <source>No report bundle sent yet.</source>
        <translation>Chưa gửi gói báo cáo nào.</translation>
    </message>
    <message>
        <source>{count} changes are waiting to be sent.</source>
        <translation>Có {count} thay đổi đang chờ gửi.</translation>
    </message>
    <message>
        <source>Nothing new to send.</source>
        <translation>Không có gì mới cần gửi.</translation>
    </message>
    <message>
        <source>The level above’s plan bundle has not been imported yet: import it first, so the report is sealed to its key.</source>
        <translation>Chưa nhập gói kế hoạch của cấp trên: hãy nhập trước, để gói báo cáo được niêm phong bằng khóa của cấp trên.</translation>
    </message>
    <message>
        <source>Send a report…</source>
        <translation>Gửi báo cáo…</translation>
    </message>
    <message>
        <source>Data exchange…</source>
        <translation>Trao đổi dữ liệu…</translation>
    </message>
    <message>
        <source>, {date}</source>
        <translation>, {date}</translation>
    </message>
    <message>
        <source>Bundle no. {seq} — {status} ({superior}{when}){said}</source>
        <translation>Gói số {seq} — {status} ({superior}{when}){said}</translation>
    </message>
    <message>
        <source>numbered automatically</source>
        <translation>tự đánh số</translation>
    </message>
    <message>
        <source>The number-symbol a paper not yet issued takes, for example 05-BB/CB. Numbers follow the dates of the papers and are given once; a paper issued before is printed again as it was.</source>
        <translation>Số, ký hiệu cho giấy chưa cấp số, ví dụ 05-BB/CB. Số đánh theo thứ tự ngày của giấy tờ và chỉ cấp một lần; giấy đã cấp số được in lại đúng như bản đã cấp.</translation>
    </message>
    <message>
        <source>Number-symbol:</source>
        <translation>Số, ký hiệu:</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>Xem trước</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>In…</translation>
    </message>
    <message>
        <source>Save PDF…</source>
        <translation>Lưu PDF…</translation>
    </message>
    <message>
        <source>New number…</source>
        <translation>Lập mới (số mới)…</translation>
    </message>
    <message>
        <source>A paper issued before is never changed: new figures need a new paper with the next number.</source>
        <translation>Giấy đã cấp số không bao giờ bị sửa: số liệu mới cần một giấy mới với số tiếp theo.</translation>
    </message>
    <message>
        <source>Outgoing &amp;register…</source>
        <translation>Sổ văn bản &amp;đi…</translation>
    </message>
    <message>
        <source>Making the paper…</source>
        <translation>Đang lập giấy tờ…</translation>
    </message>
    <message>
        <source>New paper (new number)</source>
        <translation>Lập giấy mới (số mới)</translation>
    </message>
    <message>
        <source>Make a new “{paper}” with a new number? The paper issued before keeps its number in the outgoing register and is not changed; the new one takes the next number and shows today’s figures.</source>
        <translation>Lập “{paper}” mới với số mới? Giấy đã cấp trước vẫn giữ số của nó trong sổ đăng ký văn bản đi và không bị sửa; giấy mới nhận số tiếp theo và số liệu hôm nay.</translation>
    </message>
    <message>
        <source>Rebuild the paper</source>
        <translation>Dựng lại giấy tờ</translation>
    </message>
    <message>
        <source>Rebuild it from the book now, with that number and date, and keep it as the original?</source>
        <translation>Dựng lại giấy này từ sổ ngay bây giờ, với đúng số và ngày ấy, rồi lưu làm bản gốc?</translation>
    </message>
    <message>
        <source>Could not make this paper. The details are in the log; the data was not changed.</source>
        <translation>Không lập được giấy tờ này. Chi tiết được ghi trong nhật ký; dữ liệu không bị thay đổi.</translation>
    </message>
    <message>
        <source>Could not read the outgoing register.</source>
        <translation>Không đọc được sổ đăng ký văn bản đi.</translation>
    </message>
    <message>
        <source>Print papers</source>
        <translation>In giấy tờ</translation>
    </message>
    <message>
        <source>Could not open the printer. Check that the printer is switched on and installed.</source>
        <translation>Không mở được máy in. Hãy kiểm tra máy in đã bật và đã cài đặt.</translation>
    </message>
    <message>
        <source>Save PDF</source>
        <translation>Lưu PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Tệp PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Preview: {title}</source>
        <translation>Xem trước: {title}</translation>
    </message>
    <message>
        <source>{count} pages</source>
        <translation>{count} trang</translation>
    </message>
    <message>
        <source>Print… (Ctrl+P)</source>
        <translation>In… (Ctrl+P)</translation>
    </message>
    <message>
        <source>Save PDF… (Ctrl+S)</source>
        <translation>Lưu PDF… (Ctrl+S)</translation>
    </message>
    <message>
        <source>Saved: {file}</source>
        <translation>Đã lưu: {file}</translation>
    </message>
    <message>
        <source>Task</source>
        <translation>Nội dung nhiệm vụ</translation>
    </message>
    <message>
        <source>Target</source>
        <translation>Chỉ tiêu</translation>
    </message>
    <message>
        <source>Owner</source>
        <translation>Người thực hiện</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>Tiến độ</translation>
    </message>
    <message>
        <source> — overdue</source>
        <translation> — quá hạn</translation>
    </message>
    <message>
        <source>Edit action plan</source>
        <translation>Sửa kế hoạch hành động</translation>
    </message>
    <message>
        <source>New action plan</source>
        <translation>Lập kế hoạch hành động</translation>
    </message>
    <message>
        <source>For example: Programme of action to carry out Resolution 57-NQ/TW</source>
        <translation>Ví dụ: Chương trình hành động thực hiện Nghị quyết số 57-NQ/TW</translation>
    </message>
    <message>
        <source>The cell’s plan</source>
        <translation>Kế hoạch của chi bộ</translation>
    </message>
    <message>
        <source>Review of how the plan was carried out</source>
        <translation>Sơ kết, tổng kết việc thực hiện kế hoạch</translation>
    </message>
    <message>
        <source>&amp;Plan title (*):</source>
        <translation>&amp;Tên kế hoạch (*):</translation>
    </message>
    <message>
        <source>&amp;Year:</source>
        <translation>&amp;Năm:</translation>
    </message>
    <message>
        <source>&amp;Of:</source>
        <translation>&amp;Của:</translation>
    </message>
    <message>
        <source>Carries out &amp;document:</source>
        <translation>Thực hiện &amp;văn bản:</translation>
    </message>
    <message>
        <source>Target, outcome</source>
        <translation>Chỉ tiêu, sản phẩm</translation>
    </message>
    <message>
        <source>(written beside)</source>
        <translation>(ghi ở ô bên)</translation>
    </message>
    <message>
        <source>or: Chi ủy, Toàn chi bộ…</source>
        <translation>hoặc: Chi ủy, Toàn chi bộ…</translation>
    </message>
    <message>
        <source>Add task</source>
        <translation>Thêm nhiệm vụ</translation>
    </message>
    <message>
        <source>Update the selected task</source>
        <translation>Cập nhật nhiệm vụ đã chọn</translation>
    </message>
    <message>
        <source>Drop the selected task</source>
        <translation>Bỏ nhiệm vụ đã chọn</translation>
    </message>
    <message>
        <source>Owner:</source>
        <translation>Người thực hiện:</translation>
    </message>
    <message>
        <source>Deadline:</source>
        <translation>Thời hạn:</translation>
    </message>
    <message>
        <source>Progress:</source>
        <translation>Tiến độ:</translation>
    </message>
    <message>
        <source>&lt;b&gt;Tasks&lt;/b&gt; (red rows: overdue and not done)</source>
        <translation>&lt;b&gt;Nhiệm vụ&lt;/b&gt; (dòng đỏ: quá hạn mà chưa xong)</translation>
    </message>
    <message>
        <source>Review:</source>
        <translation>Sơ kết, tổng kết:</translation>
    </message>
    <message>
        <source>Write what the task is.</source>
        <translation>Hãy ghi nội dung nhiệm vụ.</translation>
    </message>
    <message>
        <source>Deadline: {problem}.</source>
        <translation>Thời hạn: {problem}.</translation>
    </message>
    <message>
        <source>Select a task in the table.</source>
        <translation>Hãy chọn một nhiệm vụ trong bảng.</translation>
    </message>
    <message>
        <source>Could not open this plan.</source>
        <translation>Không mở được kế hoạch này.</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>STT</translation>
    </message>
    <message>
        <source>Born</source>
        <translation>Năm sinh</translation>
    </message>
    <message>
        <source>Ethnicity</source>
        <translation>Dân tộc</translation>
    </message>
    <message>
        <source>Position</source>
        <translation>Chức vụ</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Từ ngày</translation>
    </message>
    <message>
        <source>Search by name (diacritics optional), Ctrl+F</source>
        <translation>Tìm theo tên (gõ không dấu cũng được), Ctrl+F</translation>
    </message>
    <message>
        <source>On the cell’s roll</source>
        <translation>Đang sinh hoạt ở chi bộ</translation>
    </message>
    <message>
        <source>Everyone, including those who left</source>
        <translation>Tất cả, kể cả đã rời</translation>
    </message>
    <message>
        <source>Add member (Ctrl+N)</source>
        <translation>Thêm đảng viên (Ctrl+N)</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Sửa thông tin…</translation>
    </message>
    <message>
        <source>Change status, transfer…</source>
        <translation>Đổi tình trạng, chuyển đi…</translation>
    </message>
    <message>
        <source>Import from Excel…</source>
        <translation>Nhập từ tệp Excel…</translation>
    </message>
    <message>
        <source>{shown} / {total} members</source>
        <translation>{shown} / {total} đảng viên</translation>
    </message>
    <message>
        <source>No member in this cell’s book.</source>
        <translation>Sổ của chi bộ này chưa có đảng viên nào.</translation>
    </message>
    <message>
        <source>No member yet. Press “Add member” or “Import from Excel…”.</source>
        <translation>Chưa có đảng viên nào. Bấm “Thêm đảng viên” hoặc “Nhập từ tệp Excel…”.</translation>
    </message>
    <message>
        <source>No member matches the search or the status chosen. Clear the search box, or choose “Everyone, including those who left”.</source>
        <translation>Không có đảng viên nào khớp với ô tìm kiếm hoặc tình trạng đã chọn. Hãy xóa ô tìm kiếm, hoặc chọn “Tất cả, kể cả đã rời”.</translation>
    </message>
    <message>
        <source>Attendance</source>
        <translation>Điểm danh</translation>
    </message>
    <message>
        <source>Reason for absence</source>
        <translation>Lý do vắng</translation>
    </message>
    <message>
        <source>not marked</source>
        <translation>chưa điểm danh</translation>
    </message>
    <message>
        <source>&lt;b&gt;Present {present}/{summoned}&lt;/b&gt; ({by_status}); rate {rate}; absent {absent}</source>
        <translation>&lt;b&gt;Có mặt {present}/{summoned}&lt;/b&gt; ({by_status}); tỷ lệ {rate}; vắng {absent}</translation>
    </message>
    <message>
        <source>; exempt {exempt} ({came} came)</source>
        <translation>; miễn sinh hoạt {exempt} (đến dự {came})</translation>
    </message>
    <message>
        <source>not marked {count}</source>
        <translation>chưa điểm danh {count}</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#1b5e20&apos;&gt;✔ Quorum reached for voting&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#1b5e20&apos;&gt;✔ Đủ số đảng viên để biểu quyết&lt;/span&gt;</translation>
    </message>
    <message>
        <source>&lt;br&gt;&lt;span style=&apos;color:#b00020&apos;&gt;✘ No quorum for voting&lt;/span&gt;</source>
        <translation>&lt;br&gt;&lt;span style=&apos;color:#b00020&apos;&gt;✘ Chưa đủ số đảng viên để biểu quyết&lt;/span&gt;</translation>
    </message>
    <message>
        <source> ({present} present who may vote, at least {needed} of {base} needed)</source>
        <translation> ({present} người có quyền biểu quyết có mặt, cần ít nhất {needed} trên {base})</translation>
    </message>
    <message>
        <source>Edit session</source>
        <translation>Sửa buổi sinh hoạt</translation>
    </message>
    <message>
        <source>New session</source>
        <translation>Ghi buổi sinh hoạt mới</translation>
    </message>
    <message>
        <source>Session, attendance</source>
        <translation>Thông tin, điểm danh</translation>
    </message>
    <message>
        <source>Agenda items, speeches</source>
        <translation>Nội dung, ý kiến</translation>
    </message>
    <message>
        <source>Vote</source>
        <translation>Biểu quyết</translation>
    </message>
    <message>
        <source>(not chosen)</source>
        <translation>(chưa chọn)</translation>
    </message>
    <message>
        <source>Guest: {guest}</source>
        <translation>Khách mời: {guest}</translation>
    </message>
    <message>
        <source>General concl&amp;usion:</source>
        <translation>Kết luận &amp;chung:</translation>
    </message>
    <message>
        <source>Not by the rules of a session yet:</source>
        <translation>Buổi sinh hoạt chưa đúng quy tắc:</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Separated by semicolons</source>
        <translation>Cách nhau bằng dấu chấm phẩy</translation>
    </message>
    <message>
        <source>to</source>
        <translation>đến</translation>
    </message>
    <message>
        <source>Session &amp;kind:</source>
        <translation>&amp;Loại buổi:</translation>
    </message>
    <message>
        <source>Time:</source>
        <translation>Giờ:</translation>
    </message>
    <message>
        <source>P&amp;lace:</source>
        <translation>Đị&amp;a điểm:</translation>
    </message>
    <message>
        <source>&amp;Guests:</source>
        <translation>Khách mờ&amp;i:</translation>
    </message>
    <message>
        <source>&amp;Chair:</source>
        <translation>Chủ &amp;trì:</translation>
    </message>
    <message>
        <source>&amp;Minute-taker:</source>
        <translation>Thư &amp;ký:</translation>
    </message>
    <message>
        <source>D&amp;ocuments studied:</source>
        <translation>&amp;Văn bản học tập:</translation>
    </message>
    <message>
        <source>Pr&amp;esenter:</source>
        <translation>&amp;Báo cáo viên:</translation>
    </message>
    <message>
        <source>All &amp;present</source>
        <translation>Tất cả có &amp;mặt</translation>
    </message>
    <message>
        <source>Select a person, then press C (present), V (absent with a reason, then type it) or K (absent without reason).</source>
        <translation>Chọn người rồi bấm phím C (có mặt), V (vắng có lý do, rồi gõ lý do) hoặc K (vắng không lý do).</translation>
    </message>
    <message>
        <source>&lt;b&gt;Attendance&lt;/b&gt;</source>
        <translation>&lt;b&gt;Điểm danh&lt;/b&gt;</translation>
    </message>
    <message>
        <source>(choose the speaker)</source>
        <translation>(chọn người phát biểu)</translation>
    </message>
    <message>
        <source>&amp;Add an item (Ctrl+N)</source>
        <translation>&amp;Thêm nội dung (Ctrl+N)</translation>
    </message>
    <message>
        <source>Move u&amp;p (Alt+↑)</source>
        <translation>Chuyển &amp;lên (Alt+↑)</translation>
    </message>
    <message>
        <source>Move &amp;down (Alt+↓)</source>
        <translation>Chuyển &amp;xuống (Alt+↓)</translation>
    </message>
    <message>
        <source>Drop the ite&amp;m</source>
        <translation>Bỏ nội &amp;dung</translation>
    </message>
    <message>
        <source>For example: Results of the month’s tasks</source>
        <translation>Ví dụ: Đánh giá kết quả thực hiện nhiệm vụ tháng</translation>
    </message>
    <message>
        <source>(nobody)</source>
        <translation>(không có)</translation>
    </message>
    <message>
        <source>Presenter: {name}</source>
        <translation>Báo cáo viên: {name}</translation>
    </message>
    <message>
        <source>Guest (name written beside)</source>
        <translation>Khách mời (ghi tên ở bên)</translation>
    </message>
    <message>
        <source>Guest’s name and position</source>
        <translation>Tên, chức vụ khách mời</translation>
    </message>
    <message>
        <source>What was presented, in short</source>
        <translation>Tóm tắt nội dung đã trình bày</translation>
    </message>
    <message>
        <source>The chair’s conclusion on this item</source>
        <translation>Kết luận của đồng chí chủ trì về nội dung này</translation>
    </message>
    <message>
        <source>&amp;Item:</source>
        <translation>&amp;Nội dung:</translation>
    </message>
    <message>
        <source>Presented &amp;by:</source>
        <translation>Người t&amp;rình bày:</translation>
    </message>
    <message>
        <source>Document s&amp;tudied:</source>
        <translation>&amp;Văn bản học tập:</translation>
    </message>
    <message>
        <source>&amp;What was presented:</source>
        <translation>Nội dung trình &amp;bày:</translation>
    </message>
    <message>
        <source>Chair’s &amp;conclusion:</source>
        <translation>&amp;Kết luận của chủ trì:</translation>
    </message>
    <message>
        <source>Speeches outside the items ({count})</source>
        <translation>Ý kiến ngoài các nội dung ({count})</translation>
    </message>
    <message>
        <source>(no title yet)</source>
        <translation>(chưa có tên)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Speeches outside the items&lt;/b&gt; (in the order given)</source>
        <translation>&lt;b&gt;Ý kiến ngoài các nội dung&lt;/b&gt; (theo thứ tự phát biểu)</translation>
    </message>
    <message>
        <source>&lt;b&gt;Speeches on item {number}&lt;/b&gt; (in the order given)</source>
        <translation>&lt;b&gt;Ý kiến về nội dung {number}&lt;/b&gt; (theo thứ tự phát biểu)</translation>
    </message>
    <message>
        <source>Summary of what was said</source>
        <translation>Tóm tắt ý kiến phát biểu</translation>
    </message>
    <message>
        <source>&amp;Update the selected speech</source>
        <translation>&amp;Cập nhật ý kiến đã chọn</translation>
    </message>
    <message>
        <source>Drop the selected speec&amp;h</source>
        <translation>Bỏ ý k&amp;iến đã chọn</translation>
    </message>
    <message>
        <source>The session &amp;voted on its resolution or conclusion</source>
        <translation>Buổi sinh hoạt có &amp;biểu quyết nghị quyết hoặc kết luận</translation>
    </message>
    <message>
        <source>For:</source>
        <translation>Tán thành:</translation>
    </message>
    <message>
        <source>Against:</source>
        <translation>Không tán thành:</translation>
    </message>
    <message>
        <source>Other:</source>
        <translation>Ý kiến khác:</translation>
    </message>
    <message>
        <source>&amp;Everyone present who may vote is for</source>
        <translation>&amp;Tất cả đảng viên có quyền biểu quyết có mặt đều tán thành</translation>
    </message>
    <message>
        <source>Only full members vote, and exempt members who came; probationary members never vote, and members attached from another cell only where the cell’s rules say so (Settings).</source>
        <translation>Chỉ đảng viên chính thức biểu quyết, kể cả đảng viên miễn sinh hoạt có đến dự; đảng viên dự bị không biểu quyết, đảng viên sinh hoạt tạm chỉ biểu quyết khi quy tắc của chi bộ cho phép (Cài đặt).</translation>
    </message>
    <message>
        <source>Members present who may vote: &lt;b&gt;{present}&lt;/b&gt; (at least {needed} of {base} needed for a vote)</source>
        <translation>Đảng viên có quyền biểu quyết có mặt: &lt;b&gt;{present}&lt;/b&gt; (cần ít nhất {needed} trên {base} để biểu quyết)</translation>
    </message>
    <message>
        <source>Choose the speaker, or write the guest’s name.</source>
        <translation>Hãy chọn người phát biểu, hoặc ghi tên khách mời.</translation>
    </message>
    <message>
        <source>Add &amp;speech (Ctrl+Enter)</source>
        <translation>T&amp;hêm ý kiến (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Write what was said.</source>
        <translation>Hãy ghi nội dung ý kiến.</translation>
    </message>
    <message>
        <source>Select a speech in the list first.</source>
        <translation>Hãy chọn một ý kiến trong danh sách trước.</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Bình thường</translation>
    </message>
    <message>
        <source>Large (easier to read)</source>
        <translation>Lớn (dễ đọc hơn)</translation>
    </message>
    <message>
        <source>Larger</source>
        <translation>Rất lớn</translation>
    </message>
    <message>
        <source>Made at</source>
        <translation>Thời điểm</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Dung lượng</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Tình trạng</translation>
    </message>
    <message>
        <source>Whole</source>
        <translation>Nguyên vẹn</translation>
    </message>
    <message>
        <source>Damaged: cannot be restored</source>
        <translation>Hỏng, không khôi phục được</translation>
    </message>
    <message>
        <source>The book cannot be opened</source>
        <translation>Không mở được sổ</translation>
    </message>
    <message>
        <source>Restoring puts the chosen backup in place of the book; the damaged book is kept beside it, not deleted. What was written after the backup was made is not in it.</source>
        <translation>Khôi phục sẽ đặt bản sao lưu đã chọn vào chỗ của sổ; sổ hỏng được giữ lại bên cạnh, không bị xóa. Những gì ghi sau thời điểm sao lưu sẽ không có trong sổ.</translation>
    </message>
    <message>
        <source>Restore the selected backup</source>
        <translation>Khôi phục bản đã chọn</translation>
    </message>
    <message>
        <source>Close chibo</source>
        <translation>Đóng chibo</translation>
    </message>
    <message>
        <source>The book was restored from the backup.</source>
        <translation>Đã khôi phục sổ từ bản sao lưu.</translation>
    </message>
    <message>
        <source>the term’s start</source>
        <translation>ngày bắt đầu nhiệm kỳ</translation>
    </message>
    <message>
        <source>(unreadable)</source>
        <translation>(không đọc được)</translation>
    </message>
    <message>
        <source>Daily, automatic</source>
        <translation>Tự động hằng ngày</translation>
    </message>
    <message>
        <source>By hand</source>
        <translation>Sao lưu tay</translation>
    </message>
    <message>
        <source>Rules of the cell</source>
        <translation>Quy tắc của chi bộ</translation>
    </message>
    <message>
        <source>Display, language</source>
        <translation>Giao diện, ngôn ngữ</translation>
    </message>
    <message>
        <source>Backup, restore</source>
        <translation>Sao lưu, khôi phục</translation>
    </message>
    <message>
        <source>Save changes (Ctrl+S)</source>
        <translation>Lưu thay đổi (Ctrl+S)</translation>
    </message>
    <message>
        <source>&amp;Unit name (*):</source>
        <translation>&amp;Tên đơn vị (*):</translation>
    </message>
    <message>
        <source>&amp;Superior body:</source>
        <translation>&amp;Cấp ủy cấp trên:</translation>
    </message>
    <message>
        <source>Pl&amp;ace name:</source>
        <translation>Đị&amp;a danh:</translation>
    </message>
    <message>
        <source>Unit code (names the bundles):</source>
        <translation>Mã đơn vị (tên gói dữ liệu):</translation>
    </message>
    <message>
        <source>Key fingerprint:</source>
        <translation>Mã khóa dữ liệu:</translation>
    </message>
    <message>
        <source>Level above confirmed:</source>
        <translation>Cấp trên đã xác nhận:</translation>
    </message>
    <message>
        <source>&amp;Term started on:</source>
        <translation>Ngày bắt đầu &amp;nhiệm kỳ:</translation>
    </message>
    <message>
        <source>Unit s&amp;ymbol on papers:</source>
        <translation>&amp;Ký hiệu đơn vị trên văn bản:</translation>
    </message>
    <message>
        <source>The numbers of the papers the unit issues (minutes, plans, reports) start again from 01 with each new term; the symbol comes after the slash, for example 05-BB/CB at a cell, 01-BC/ĐU at the committee.</source>
        <translation>Số văn bản đơn vị ban hành (biên bản, kế hoạch, báo cáo) đánh lại từ 01 khi bắt đầu nhiệm kỳ mới; ký hiệu đứng sau dấu gạch chéo, ví dụ 05-BB/CB ở chi bộ, 01-BC/ĐU ở đảng ủy.</translation>
    </message>
    <message>
        <source> days</source>
        <translation> ngày</translation>
    </message>
    <message>
        <source>&amp;Grace for the cells’ reports:</source>
        <translation>&amp;Gia hạn nộp báo cáo của chi bộ:</translation>
    </message>
    <message>
        <source>A cell’s report of a month is on time when it arrives by the month’s last day plus these days; a report on a document, by its deadline plus these days.</source>
        <translation>Báo cáo tháng của chi bộ là đúng hạn khi đến chậm nhất vào ngày cuối tháng cộng thêm số ngày này; báo cáo về một văn bản, chậm nhất vào hạn hoàn thành cộng thêm số ngày này.</translation>
    </message>
    <message>
        <source>Secretary who signs the re&amp;ports:</source>
        <translation>&amp;Bí thư ký báo cáo:</translation>
    </message>
    <message>
        <source>Who draws up the &amp;lists:</source>
        <translation>Người lập &amp;danh sách:</translation>
    </message>
    <message>
        <source>The committee’s book keeps no member list of its own: these names are printed under the signature of the consolidated report and of the list of cells not yet reported.</source>
        <translation>Sổ của đảng ủy không có danh sách đảng viên riêng: các tên này được in dưới chữ ký của báo cáo tổng hợp và của danh sách chi bộ chưa gửi báo cáo.</translation>
    </message>
    <message>
        <source>Tốt; Khá; Đạt; Chưa đạt</source>
        <translation>Tốt; Khá; Đạt; Chưa đạt</translation>
    </message>
    <message>
        <source> months</source>
        <translation> tháng</translation>
    </message>
    <message>
        <source>&amp;Quorum for voting:</source>
        <translation>Đủ số lượng để &amp;biểu quyết khi:</translation>
    </message>
    <message>
        <source>&amp;Essay grades:</source>
        <translation>Thang &amp;xếp loại bài thu hoạch:</translation>
    </message>
    <message>
        <source>Grades to &amp;rewrite:</source>
        <translation>Mức phải &amp;viết lại:</translation>
    </message>
    <message>
        <source>&amp;Probation:</source>
        <translation>Thời gian &amp;dự bị:</translation>
    </message>
    <message>
        <source>Study &amp;target:</source>
        <translation>Chỉ tiêu tỷ lệ &amp;học tập:</translation>
    </message>
    <message>
        <source>Secretary’s own plan &amp;confirmed by:</source>
        <translation>Kế hoạch của bí thư do &amp;ai xác nhận:</translation>
    </message>
    <message>
        <source>Grades are separated by semicolons. The default quorum rule follows Regulation 24-QĐ/TW: more than half of the full members, not counting those attending elsewhere, those exempt who are absent, and those absent with a reason.</source>
        <translation>Các mức cách nhau bằng dấu chấm phẩy. Quy tắc đủ số lượng mặc định theo Quy định 24-QĐ/TW: quá nửa số đảng viên chính thức, trừ người đi sinh hoạt nơi khác, miễn sinh hoạt mà vắng, vắng có lý do.</translation>
    </message>
    <message>
        <source>Members &amp;attached from another cell vote here</source>
        <translation>Đảng viên sinh hoạt &amp;tạm được biểu quyết ở chi bộ</translation>
    </message>
    <message>
        <source>A guest of the upper level may c&amp;hair a session</source>
        <translation>Đại biểu cấp trên được &amp;chủ trì buổi sinh hoạt</translation>
    </message>
    <message>
        <source>Sessions:</source>
        <translation>Buổi sinh hoạt:</translation>
    </message>
    <message>
        <source>Probationary members never vote (Party Statute, Article 3). Members attached from another cell vote in their home cell unless the cell decides otherwise. The chair and the minute-taker are members present; a guest chairs only where the cell’s rules allow it.</source>
        <translation>Đảng viên dự bị không biểu quyết (Điều lệ Đảng, Điều 3). Đảng viên sinh hoạt tạm biểu quyết ở chi bộ nơi sinh hoạt chính thức, trừ khi chi bộ quyết định khác. Chủ trì và thư ký là đảng viên có mặt; đại biểu cấp trên chỉ chủ trì khi quy tắc của chi bộ cho phép.</translation>
    </message>
    <message>
        <source>&amp;Text size on screen:</source>
        <translation>Cỡ &amp;chữ trên màn hình:</translation>
    </message>
    <message>
        <source>Larger text is easier to read; printed papers do not change. It applies as soon as you press Save changes.</source>
        <translation>Chữ lớn hơn dễ đọc hơn; cỡ chữ trên giấy in không đổi. Áp dụng ngay khi bấm Lưu thay đổi.</translation>
    </message>
    <message>
        <source>&amp;Language (Ngôn ngữ):</source>
        <translation>&amp;Ngôn ngữ (Language):</translation>
    </message>
    <message>
        <source>The language of the screens changes the next time chibo opens. Printed papers and the messages about the data are always in Vietnamese.</source>
        <translation>Ngôn ngữ trên màn hình đổi từ lần mở chibo sau. Giấy tờ in và các thông báo về dữ liệu luôn bằng tiếng Việt.</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Sao lưu ngay</translation>
    </message>
    <message>
        <source>Restore the selected backup…</source>
        <translation>Khôi phục bản đã chọn…</translation>
    </message>
    <message>
        <source>Targets and scales</source>
        <translation>Chỉ tiêu, thang xếp loại</translation>
    </message>
    <message>
        <source>Restore from another file…</source>
        <translation>Khôi phục từ tệp khác…</translation>
    </message>
    <message>
        <source>chibo backs the book up every day when it opens (keeping 7 daily, 4 weekly and 12 monthly copies). A restore backs up the current book first, so it can be undone.</source>
        <translation>chibo tự sao lưu sổ mỗi ngày khi mở (giữ 7 bản hằng ngày, 4 bản hằng tuần, 12 bản hằng tháng). Khi khôi phục, sổ hiện tại được sao lưu trước nên có thể quay lại.</translation>
    </message>
    <message>
        <source>There are unsaved changes.</source>
        <translation>Có thay đổi chưa lưu.</translation>
    </message>
    <message>
        <source>Cell (sends reports to the level above)</source>
        <translation>Chi bộ (gửi báo cáo lên cấp trên)</translation>
    </message>
    <message>
        <source>Receiving level (sums the cells’ figures)</source>
        <translation>Cấp nhận báo cáo (cộng số liệu các chi bộ)</translation>
    </message>
    <message>
        <source>Make new keys…</source>
        <translation>Tạo khóa mới…</translation>
    </message>
    <message>
        <source>Only when the unit’s keys were lost (a book restored on a new computer) or stolen: the other side must confirm the new fingerprint.</source>
        <translation>Chỉ dùng khi khóa của đơn vị đã mất (khôi phục sổ trên máy mới) hoặc bị lộ: bên kia phải xác nhận mã khóa mới.</translation>
    </message>
    <message>
        <source>This computer has no key of the unit (the key sent out was {fingerprint}). If it is lost, make new keys.</source>
        <translation>Máy này không có khóa của đơn vị (mã khóa đã gửi đi: {fingerprint}). Nếu khóa đã mất, hãy tạo khóa mới.</translation>
    </message>
    <message>
        <source>(none yet; made when the first bundle is sent)</source>
        <translation>(chưa có; được tạo khi gửi gói đầu tiên)</translation>
    </message>
    <message>
        <source>(a receiving level: its cells confirm its key)</source>
        <translation>(cấp nhận báo cáo: các chi bộ xác nhận mã khóa của cấp này)</translation>
    </message>
    <message>
        <source>{name}, key fingerprint {fingerprint}</source>
        <translation>{name}, mã khóa {fingerprint}</translation>
    </message>
    <message>
        <source>None yet: import the plan bundle of the level above (Data exchange).</source>
        <translation>Chưa có: hãy nhập gói kế hoạch của cấp trên (mục Trao đổi dữ liệu).</translation>
    </message>
    <message>
        <source>Make new keys</source>
        <translation>Tạo khóa mới</translation>
    </message>
    <message>
        <source>Make new keys only when the unit’s keys were lost (for instance the book was restored on a new computer) or may have been stolen.

From the next bundle on, the other side holds our bundles until its officer compares the new key fingerprint, which you read out over the phone. The old keys are kept, so bundles already sealed to them still open.</source>
        <translation>Chỉ tạo khóa mới khi khóa của đơn vị đã mất (ví dụ sổ được khôi phục trên máy tính mới) hoặc có thể đã bị lộ.

Từ gói tiếp theo, bên kia sẽ giữ gói của mình lại cho đến khi người phụ trách đối chiếu mã khóa mới do mình đọc qua điện thoại. Khóa cũ được giữ lại, nên các gói đã niêm phong bằng khóa cũ vẫn mở được.</translation>
    </message>
    <message>
        <source>New keys made. The new key fingerprint is {fingerprint}: read it out to the other side.</source>
        <translation>Đã tạo khóa mới. Mã khóa mới là {fingerprint}: hãy đọc cho bên kia đối chiếu.</translation>
    </message>
    <message>
        <source>Could not make new keys; nothing was changed. The details are in the log.</source>
        <translation>Không tạo được khóa mới; chưa có gì thay đổi. Chi tiết ghi trong nhật ký.</translation>
    </message>
    <message>
        <source>Backup folder: {folder}</source>
        <translation>Thư mục sao lưu: {folder}</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Đã lưu.</translation>
    </message>
    <message>
        <source>Could not save the language choice; the other settings were saved.</source>
        <translation>Không lưu được lựa chọn ngôn ngữ; các cài đặt khác đã được lưu.</translation>
    </message>
    <message>
        <source>Saved. The new language is used from the next start of chibo.</source>
        <translation>Đã lưu. Ngôn ngữ mới được dùng từ lần mở chibo sau.</translation>
    </message>
    <message>
        <source>Could not save. The details are in the log; the settings were not changed.</source>
        <translation>Không lưu được. Chi tiết được ghi trong nhật ký; cài đặt không bị thay đổi.</translation>
    </message>
    <message>
        <source>Backed up: {file}</source>
        <translation>Đã sao lưu: {file}</translation>
    </message>
    <message>
        <source>Could not back up: {problem}</source>
        <translation>Không sao lưu được: {problem}</translation>
    </message>
    <message>
        <source>Select a backup in the list first.</source>
        <translation>Hãy chọn một bản sao lưu trong danh sách trước.</translation>
    </message>
    <message>
        <source>the backup made at {time} on {date}</source>
        <translation>bản sao lưu lúc {time} ngày {date}</translation>
    </message>
    <message>
        <source>Choose a backup file</source>
        <translation>Chọn tệp sao lưu</translation>
    </message>
    <message>
        <source>chibo books (*.sqlite);;All files (*)</source>
        <translation>Sổ chibo (*.sqlite);;Mọi tệp (*)</translation>
    </message>
    <message>
        <source>the file {file}</source>
        <translation>tệp {file}</translation>
    </message>
    <message>
        <source>Restore the book</source>
        <translation>Khôi phục sổ</translation>
    </message>
    <message>
        <source>Replace the whole current book with {what}?

What was written after that moment will no longer be in the book. The current book is backed up first, so it can be restored if this is a mistake.</source>
        <translation>Thay toàn bộ sổ hiện tại bằng {what}?

Những gì ghi sau thời điểm đó sẽ không còn trong sổ. Sổ hiện tại được sao lưu trước, nên có thể khôi phục lại nếu nhầm.</translation>
    </message>
    <message>
        <source> The book as it was before the restore is kept in {file}.</source>
        <translation> Sổ trước khi khôi phục được lưu ở {file}.</translation>
    </message>
    <message>
        <source>Restored.</source>
        <translation>Đã khôi phục.</translation>
    </message>
    <message>
        <source>Could not restore; the book is as it was. The details are in the log.</source>
        <translation>Không khôi phục được; sổ vẫn như trước. Chi tiết ở nhật ký.</translation>
    </message>
    <message>
        <source>Full member</source>
        <translation>Chính thức</translation>
    </message>
    <message>
        <source>Probationary</source>
        <translation>Dự bị</translation>
    </message>
    <message>
        <source>Temporarily attached</source>
        <translation>Sinh hoạt tạm</translation>
    </message>
    <message>
        <source>Temporarily attending elsewhere</source>
        <translation>Sinh hoạt tạm nơi khác</translation>
    </message>
    <message>
        <source>Exempt from work and meetings</source>
        <translation>Miễn công tác và sinh hoạt</translation>
    </message>
    <message>
        <source>Left the cell</source>
        <translation>Đã rời chi bộ</translation>
    </message>
    <message>
        <source>Transferred</source>
        <translation>Chuyển sinh hoạt</translation>
    </message>
    <message>
        <source>Deceased</source>
        <translation>Từ trần</translation>
    </message>
    <message>
        <source>Struck off, expelled</source>
        <translation>Xóa tên, khai trừ</translation>
    </message>
    <message>
        <source>Other reason</source>
        <translation>Lý do khác</translation>
    </message>
    <message>
        <source>Secretary</source>
        <translation>Bí thư</translation>
    </message>
    <message>
        <source>Cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Tháng</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Điện thoại</translation>
    </message>
    <message>
        <source>, after closing</source>
        <translation>, sau khi chốt</translation>
    </message>
    <message>
        <source>{document}
due {date}</source>
        <translation>{document}
hạn {date}</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>không giao</translation>
    </message>
    <message>
        <source>Report of {month}, due {due} (the month’s last day and {days} days of grace): received {received}, on time {on_time}, late {late}, not received {missing}.</source>
        <translation>Báo cáo {month}, hạn {due} (ngày cuối tháng và {days} ngày gia hạn): đã nhận {received}, đúng hạn {on_time}, muộn {late}, chưa nhận {missing}.</translation>
    </message>
    <message>
        <source>Figures closed on {date}: bundles arriving later are still imported and marked late.</source>
        <translation>Đã chốt số liệu ngày {date}: gói đến sau vẫn được nhập và ghi là muộn.</translation>
    </message>
    <message>
        <source>&amp;Month:</source>
        <translation>&amp;Tháng:</translation>
    </message>
    <message>
        <source>Print the list of cells not yet reported…</source>
        <translation>In danh sách chi bộ chưa báo cáo…</translation>
    </message>
    <message>
        <source>Close this month’s figures…</source>
        <translation>Chốt số liệu tháng này…</translation>
    </message>
    <message>
        <source>A month is received when a session of the cell held in it has arrived; a document when a session studying it has. Due: the month’s last day (or the document’s deadline) plus the grace days set under Settings.</source>
        <translation>Tháng được tính là đã nhận khi đã nhận được một buổi sinh hoạt của chi bộ họp trong tháng ấy; văn bản, khi đã nhận được một buổi học văn bản ấy. Hạn: ngày cuối tháng (hoặc hạn hoàn thành của văn bản) cộng số ngày gia hạn đặt ở Cài đặt.</translation>
    </message>
    <message>
        <source>Reopen this month’s figures…</source>
        <translation>Bỏ chốt số liệu tháng này…</translation>
    </message>
    <message>
        <source>Could not read who has reported. The details are in the log.</source>
        <translation>Không đọc được tình hình báo cáo. Chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <source>List of cells not yet reported</source>
        <translation>Danh sách chi bộ chưa báo cáo</translation>
    </message>
    <message>
        <source>Could not make the list. The details are in the log.</source>
        <translation>Không lập được danh sách. Chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <source>Close the figures of {month}? Bundles that bring its figures later are still imported, and marked as arrived after the closing.</source>
        <translation>Chốt số liệu {month}? Gói mang số liệu tháng này đến sau vẫn được nhập, và được ghi là đến sau khi chốt.</translation>
    </message>
    <message>
        <source>Reopen the figures of {month}? Bundles already marked late stay marked.</source>
        <translation>Bỏ chốt số liệu {month}? Các gói đã ghi là muộn vẫn giữ dấu muộn.</translation>
    </message>
    <message>
        <source>Close the month’s figures</source>
        <translation>Chốt số liệu tháng</translation>
    </message>
    <message>
        <source>Reopen the figures</source>
        <translation>Bỏ chốt số liệu</translation>
    </message>
    <message>
        <source>Deputy Secretary</source>
        <translation>Phó Bí thư</translation>
    </message>
    <message>
        <source>Cell committee member</source>
        <translation>Chi ủy viên</translation>
    </message>
    <message>
        <source>Party member</source>
        <translation>Đảng viên</translation>
    </message>
    <message>
        <source>Resolution</source>
        <translation>Nghị quyết</translation>
    </message>
    <message>
        <source>Directive</source>
        <translation>Chỉ thị</translation>
    </message>
    <message>
        <source>Conclusion</source>
        <translation>Kết luận</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>Quyết định</translation>
    </message>
    <message>
        <source>Regulation</source>
        <translation>Quy định</translation>
    </message>
    <message>
        <source>Guidance</source>
        <translation>Hướng dẫn</translation>
    </message>
    <message>
        <source>Programme</source>
        <translation>Chương trình</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Báo cáo</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>Thông báo</translation>
    </message>
    <message>
        <source>Official letter</source>
        <translation>Công văn</translation>
    </message>
    <message>
        <source>Central</source>
        <translation>Trung ương</translation>
    </message>
    <message>
        <source>Provincial Party committee</source>
        <translation>Tỉnh ủy</translation>
    </message>
    <message>
        <source>Commune Party committee</source>
        <translation>Đảng ủy xã</translation>
    </message>
    <message>
        <source>Party cell</source>
        <translation>Chi bộ</translation>
    </message>
    <message>
        <source>Regular monthly meeting</source>
        <translation>Sinh hoạt thường kỳ</translation>
    </message>
    <message>
        <source>Topical meeting</source>
        <translation>Sinh hoạt chuyên đề</translation>
    </message>
    <message>
        <source>Study conference</source>
        <translation>Hội nghị học tập, quán triệt</translation>
    </message>
    <message>
        <source>Make-up study</source>
        <translation>Học bù</translation>
    </message>
    <message>
        <source>In person</source>
        <translation>Trực tiếp</translation>
    </message>
    <message>
        <source>Online</source>
        <translation>Trực tuyến</translation>
    </message>
    <message>
        <source>Within the regular meeting</source>
        <translation>Lồng ghép sinh hoạt thường kỳ</translation>
    </message>
    <message>
        <source>Self-study</source>
        <translation>Tự nghiên cứu</translation>
    </message>
    <message>
        <source>Absent with reason</source>
        <translation>Vắng có lý do</translation>
    </message>
    <message>
        <source>Absent without reason</source>
        <translation>Vắng không lý do</translation>
    </message>
    <message>
        <source>Exempt</source>
        <translation>Miễn sinh hoạt</translation>
    </message>
    <message>
        <source>Attending elsewhere</source>
        <translation>Sinh hoạt tạm nơi khác</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>Chưa thực hiện</translation>
    </message>
    <message>
        <source>In progress</source>
        <translation>Đang thực hiện</translation>
    </message>
    <message>
        <source>Dropped</source>
        <translation>Hủy bỏ</translation>
    </message>
    <message>
        <source>Outreach meeting for non-members</source>
        <translation>Hội nghị tuyên truyền cho quần chúng</translation>
    </message>
    <message>
        <source>News, articles</source>
        <translation>Tin, bài</translation>
    </message>
    <message>
        <source>Loudspeaker broadcast</source>
        <translation>Loa truyền thanh</translation>
    </message>
    <message>
        <source>Zalo, Facebook groups</source>
        <translation>Nhóm Zalo, Facebook</translation>
    </message>
    <message>
        <source>Banners, posters, slogans</source>
        <translation>Pa nô, áp phích, khẩu hiệu</translation>
    </message>
    <message>
        <source>More than half of the full members (not counting those attending elsewhere, those exempt who are absent, and those absent with a reason)</source>
        <translation>Quá nửa số đảng viên chính thức (trừ người đi sinh hoạt nơi khác, miễn sinh hoạt vắng mặt, vắng có lý do)</translation>
    </message>
    <message>
        <source>More than half of the members summoned who may vote (those absent with a reason included)</source>
        <translation>Quá nửa số đảng viên có quyền biểu quyết được triệu tập (kể cả người vắng có lý do)</translation>
    </message>
    <message>
        <source>The cell’s deputy secretary</source>
        <translation>Phó Bí thư chi bộ</translation>
    </message>
    <message>
        <source>The committee above</source>
        <translation>Cấp ủy cấp trên</translation>
    </message>
    <message>
        <source>Needs more</source>
        <translation>Cần bổ sung</translation>
    </message>
    <message>
        <source>On time</source>
        <translation>Đúng hạn</translation>
    </message>
    <message>
        <source>Late</source>
        <translation>Muộn</translation>
    </message>
    <message>
        <source>Not received, overdue</source>
        <translation>Chưa nhận, quá hạn</translation>
    </message>
    <message>
        <source>Not received, not yet due</source>
        <translation>Chưa nhận, chưa đến hạn</translation>
    </message>
    <message>
        <source>{kind} of {month}/{year}</source>
        <translation>{kind} tháng {month}/{year}</translation>
    </message>
    <message>
        <source>{kind} on {date}</source>
        <translation>{kind} ngày {date}</translation>
    </message>
    <message>
        <source>Get the book back from the level above</source>
        <translation>Lấy lại sổ từ cấp trên</translation>
    </message>
    <message>
        <source>For a cell whose computer was lost or broken: the level above keeps a copy of every bundle the cell sent it.</source>
        <translation>Dành cho chi bộ bị mất hoặc hỏng máy: cấp trên giữ bản sao mọi gói chi bộ đã gửi lên.</translation>
    </message>
    <message>
        <source>Write the request to the USB stick</source>
        <translation>Ghi yêu cầu ra USB</translation>
    </message>
    <message>
        <source>1. Ask the level above</source>
        <translation>1. Gửi yêu cầu lên cấp trên</translation>
    </message>
    <message>
        <source>Cell name:</source>
        <translation>Tên chi bộ:</translation>
    </message>
    <message>
        <source>Import the restore bundle…</source>
        <translation>Nhập gói khôi phục…</translation>
    </message>
    <message>
        <source>2. Take the book back</source>
        <translation>2. Nhận lại sổ</translation>
    </message>
    <message>
        <source>Once the level above has compared the fingerprint, it writes a restore bundle sealed to this computer’s key. Import it here.</source>
        <translation>Sau khi cấp trên đối chiếu mã khóa, cấp trên ghi gói khôi phục niêm phong cho khóa của máy này. Hãy nhập gói ấy ở đây.</translation>
    </message>
    <message>
        <source>Wrote the request {file} to {where}. Take it to the level above and read this key fingerprint out to them over the phone.</source>
        <translation>Đã ghi yêu cầu {file} vào {where}. Hãy mang lên cấp trên và đọc mã khóa này cho cấp trên qua điện thoại.</translation>
    </message>
    <message>
        <source>Choose the restore bundle</source>
        <translation>Chọn gói khôi phục</translation>
    </message>
    <message>
        <source>Restore bundle for {name}</source>
        <translation>Gói khôi phục cho {name}</translation>
    </message>
    <message>
        <source>For a cell that lost its computer: its book, from the copy kept here, in a bundle sealed to the cell’s key; only the computer holding that key opens it. On the new computer the secretary first writes a request (it carries the computer’s new key) and reads its key fingerprint out to you.</source>
        <translation>Dành cho chi bộ bị mất máy: sổ của chi bộ, lấy từ bản sao giữ ở đây, ghi vào một gói niêm phong cho khóa của chi bộ; chỉ máy giữ khóa ấy mở được. Trên máy mới, bí thư chi bộ ghi yêu cầu trước (yêu cầu mang khóa mới của máy) rồi đọc mã khóa cho anh/chị.</translation>
    </message>
    <message>
        <source>Key approved here for “{name}”: {fingerprint}</source>
        <translation>Mã khóa đã xác nhận ở đây của “{name}”: {fingerprint}</translation>
    </message>
    <message>
        <source>Choose the new computer’s request…</source>
        <translation>Chọn yêu cầu của máy mới…</translation>
    </message>
    <message>
        <source>No request chosen: the bundle is sealed to the key approved here.</source>
        <translation>Chưa chọn yêu cầu: gói được niêm phong cho khóa đã xác nhận ở đây.</translation>
    </message>
    <message>
        <source>The secretary read out exactly this fingerprint to me</source>
        <translation>Bí thư chi bộ đã đọc cho tôi đúng mã khóa này</translation>
    </message>
    <message>
        <source>Write the restore bundle</source>
        <translation>Ghi gói khôi phục</translation>
    </message>
    <message>
        <source>Choose the new computer’s request</source>
        <translation>Chọn yêu cầu của máy mới</translation>
    </message>
    <message>
        <source>Request of the new computer (it names itself “{name}”): {file}</source>
        <translation>Yêu cầu của máy mới (khai tên “{name}”): {file}</translation>
    </message>
    <message>
        <source>Wrote the restore bundle of “{name}” to {where}: {file}, {records} records, sealed to the key {fingerprint}.</source>
        <translation>Đã ghi gói khôi phục sổ của “{name}” vào {where}: {file}, {records} bản ghi, niêm phong cho mã khóa {fingerprint}.</translation>
    </message>
    <message>
        <source>
The new key is now the cell’s key; the old key {old} no longer counts for bundles after no. {seq}.</source>
        <translation>
Khóa mới nay là khóa của chi bộ; khóa cũ {old} không còn dùng được cho gói sau gói số {seq}.</translation>
    </message>
    <message>
        <source>Could not read the book. The details are in the log.</source>
        <translation>Không đọc được sổ. Chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <source>&amp;Document:</source>
        <translation>&amp;Văn bản:</translation>
    </message>
    <message>
        <source>Study rate of {document} by cell, lowest first</source>
        <translation>Tỷ lệ học tập {document} theo chi bộ, thấp nhất trước</translation>
    </message>
    <message>
        <source>Consolidated report for the level above, on:</source>
        <translation>Báo cáo tổng hợp gửi cấp trên, về:</translation>
    </message>
    <message>
        <source>Consolidated report</source>
        <translation>Báo cáo tổng hợp</translation>
    </message>
    <message>
        <source>Choose a document first.</source>
        <translation>Hãy chọn văn bản trước.</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Xuất Excel…</translation>
    </message>
    <message>
        <source>The same tables as the report: a sheet per document, one row per cell and the total.</source>
        <translation>Các bảng như trong báo cáo: mỗi văn bản một trang tính, mỗi chi bộ một dòng và dòng tổng cộng.</translation>
    </message>
    <message>
        <source>every document</source>
        <translation>tất cả các văn bản</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Xuất Excel</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Tệp Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Could not write the file {file}. Check that the disk has room and that the file is not open in Excel.</source>
        <translation>Không ghi được tệp {file}. Hãy kiểm tra ổ đĩa còn chỗ trống và tệp không đang mở trong Excel.</translation>
    </message>
    <message>
        <source>the tables of report {number}</source>
        <translation>các bảng của báo cáo số {number}</translation>
    </message>
    <message>
        <source>the figures up to {date}</source>
        <translation>số liệu đến ngày {date}</translation>
    </message>
    <message>
        <source>Exported {what} to {file}.</source>
        <translation>Đã xuất {what} ra {file}.</translation>
    </message>
    <message>
        <source>Could not export the tables. The details are in the log.</source>
        <translation>Không xuất được các bảng. Chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <source>Months carried</source>
        <translation>Số liệu tháng</translation>
    </message>
    <message>
        <source>Review</source>
        <translation>Duyệt</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>Cảnh báo</translation>
    </message>
    <message>
        <source>Note to the cell</source>
        <translation>Ghi chú gửi chi bộ</translation>
    </message>
    <message>
        <source>{first} to {last} ({count} months)</source>
        <translation>{first} đến {last} ({count} tháng)</translation>
    </message>
    <message>
        <source>{count} warnings</source>
        <translation>{count} cảnh báo</translation>
    </message>
    <message>
        <source>none</source>
        <translation>không</translation>
    </message>
    <message>
        <source>Needs more: {unit}, bundle no. {seq}</source>
        <translation>Cần bổ sung: {unit}, gói số {seq}</translation>
    </message>
    <message>
        <source>What must the cell add or correct? The note goes to the cell in the next plan bundle you export, and shows on its overview.</source>
        <translation>Chi bộ cần bổ sung hoặc sửa gì? Ghi chú đến chi bộ trong gói kế hoạch xuất lần tới, và hiện ở trang Tổng quan của chi bộ.</translation>
    </message>
    <message>
        <source>{count}/{limit} characters</source>
        <translation>{count}/{limit} ký tự</translation>
    </message>
    <message>
        <source>Select a bundle to see its warnings.</source>
        <translation>Chọn một gói để xem các cảnh báo của gói.</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Đã nhận</translation>
    </message>
    <message>
        <source>Needs more…</source>
        <translation>Cần bổ sung…</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>Đã duyệt</translation>
    </message>
    <message>
        <source>Mark the selected bundle:</source>
        <translation>Đánh dấu gói đang chọn:</translation>
    </message>
    <message>
        <source>{unit}, bundle no. {seq}: {status}.</source>
        <translation>{unit}, gói số {seq}: {status}.</translation>
    </message>
    <message>
        <source>Note to the cell: {note}</source>
        <translation>Ghi chú gửi chi bộ: {note}</translation>
    </message>
    <message>
        <source>Warning: {text}</source>
        <translation>Cảnh báo: {text}</translation>
    </message>
    <message>
        <source>The checks on import found nothing to ask about.</source>
        <translation>Kiểm tra khi nhập không thấy điều gì cần hỏi lại.</translation>
    </message>
    <message>
        <source>Could not save the review. The details are in the log.</source>
        <translation>Không lưu được việc duyệt gói. Chi tiết được ghi trong nhật ký.</translation>
    </message>
    <message>
        <source>No cell has figures for this document yet.</source>
        <translation>Chưa chi bộ nào có số liệu về văn bản này.</translation>
    </message>
    <message>
        <source>below target</source>
        <translation>chưa đạt</translation>
    </message>
    <message>
        <source>target {rate}</source>
        <translation>chỉ tiêu {rate}</translation>
    </message>
    <message>
        <source>no member required to study it</source>
        <translation>không có đảng viên phải học</translation>
    </message>
    <message>
        <source>No cell approved yet: import the cells’ report bundles on the Data exchange page.</source>
        <translation>Chưa có chi bộ nào được xác nhận: hãy nhập gói báo cáo của các chi bộ ở trang Trao đổi dữ liệu.</translation>
    </message>
    <message>
        <source>Nothing of this kind in this cell’s book yet.</source>
        <translation>Sổ của chi bộ này chưa có mục nào ở đây.</translation>
    </message>
    <message>
        <source>Must attend</source>
        <translation>Phải sinh hoạt</translation>
    </message>
    <message>
        <source>Make-ups</source>
        <translation>Học bù</translation>
    </message>
    <message>
        <source>Studied / must study</source>
        <translation>Đã học / phải học</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>Tổng cộng</translation>
    </message>
    <message>
        <source>Open the selected cell’s book (read only)</source>
        <translation>Xem sổ của chi bộ đang chọn (chỉ xem)</translation>
    </message>
    <message>
        <source>The cells reporting here, as of {date}</source>
        <translation>Các chi bộ báo cáo về, tính đến {date}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{cells} cells&lt;/b&gt; send their report bundles to {unit}: {members} members, {required} who must attend; {sessions} sessions held. “Studied / must study” counts every document each cell holds. Double-click a cell to see its book (read only).</source>
        <translation>&lt;b&gt;{cells} chi bộ&lt;/b&gt; gửi gói báo cáo về {unit}: {members} đảng viên, {required} người phải sinh hoạt; {sessions} buổi sinh hoạt đã họp. Cột “Đã học / phải học” tính mọi văn bản chi bộ có. Bấm đúp vào một chi bộ để xem sổ của chi bộ ấy (chỉ xem).</translation>
    </message>
    <message>
        <source>&lt;b&gt;{count} waiting&lt;/b&gt; for their key fingerprint to be compared: see Data exchange.</source>
        <translation>&lt;b&gt;{count} đơn vị chờ&lt;/b&gt; đối chiếu mã khóa: xem trang Trao đổi dữ liệu.</translation>
    </message>
    <message>
        <source>Type part of the cell’s name or code to find it.</source>
        <translation>Gõ một phần tên hay mã của chi bộ để tìm.</translation>
    </message>
    <message>
        <source>Cell:</source>
        <translation>Chi bộ:</translation>
    </message>
    <message>
        <source>Read only here: the cell keeps its own book and sends it in its report bundles.</source>
        <translation>Ở đây chỉ xem: chi bộ ghi sổ của mình và gửi lên trong gói báo cáo.</translation>
    </message>
</context>
</TS>
