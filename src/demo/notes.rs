//! What the secretary writes at the demo meeting (data): the course of
//! each agenda item, the chair's conclusion as far as it has got, and the
//! details of the two walk-ins.

use crate::domain::*;

/// Item 1: opening, introductions and the roll call.
pub(super) const OPENING: &str = "Ông Võ Văn Hiếu, Chánh Văn phòng Sở, tuyên bố lý do, giới \
thiệu đại biểu dự Hội nghị: lãnh đạo Sở; lãnh đạo các phòng, Chi cục thuộc Sở; đại diện Phòng \
Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh; đại diện các doanh nghiệp, hợp tác xã, cơ sở \
khám chữa bệnh, trường đại học và cá nhân có liên quan.
Điểm danh đầu giờ: bà Lê Thị Thu Ba vắng có lý do (đã báo Văn phòng Sở qua điện thoại); Công ty \
TNHH Cơ khí Chính xác Tân Hương vắng; Phòng khám Nha khoa Ngọc Ánh và Công ty TNHH Cơ điện lạnh \
Sao Việt không dự, đã gửi ý kiến bằng văn bản. Nhóm hộ sản xuất nước mắm truyền thống Vàm Láng \
(14 hộ) cử ông Nguyễn Văn Bảy và bà Lê Thị Hoa đại diện.";

/// Item 2: the chair's opening address.
pub(super) const ADDRESS: &str = "Ông Phạm Thanh Tùng, Phó Giám đốc Sở, phát biểu khai mạc, nêu \
mục đích của Hội nghị: lắng nghe khó khăn, vướng mắc của tổ chức, cá nhân khi thực hiện thủ tục \
hành chính lĩnh vực khoa học và công nghệ; nội dung thuộc thẩm quyền được trả lời ngay tại Hội \
nghị, nội dung chưa trả lời được sẽ trả lời bằng văn bản theo thời hạn của Kế hoạch. Đề nghị đại \
biểu phát biểu đúng trọng tâm, mỗi ý kiến không quá 03 phút.";

/// Item 3: the report on procedures handled.
pub(super) const REPORT: &str = "Bà Nguyễn Ngọc Bích Trâm, công chức kiểm soát thủ tục hành \
chính, trình bày báo cáo: Sở tiếp nhận 1.248 hồ sơ, đã giải quyết 1.231 hồ sơ, trong đó đúng \
hạn 1.226 hồ sơ (đạt 99,6%); 05 hồ sơ lĩnh vực an toàn bức xạ trễ hạn do chờ kết quả kiểm định \
thiết bị, Sở đã gửi thư xin lỗi tổ chức. Tỷ lệ hồ sơ nộp trực tuyến đạt 72,4%. Trong kỳ Sở nhận \
09 phản ánh, kiến nghị, đã xử lý xong 09.";

/// Item 4: the new and amended procedures.
pub(super) const BRIEFING: &str = "Bà Nguyễn Thị Kim Loan, Trưởng phòng Quản lý công nghệ và \
Chuyên ngành, phổ biến các thủ tục hành chính mới ban hành, sửa đổi, bổ sung trong lĩnh vực năng \
lượng nguyên tử, an toàn bức xạ và hạt nhân; tiêu chuẩn đo lường chất lượng; chuyển giao công \
nghệ. Các thủ tục đã được cung cấp dịch vụ công trực tuyến toàn trình; tài liệu được phát tại \
Hội nghị và đăng trên Trang thông tin điện tử của Sở.";

/// Item 5, as it opened.
pub(super) const DIALOGUE_OPENED: &str = "Chủ trì đề nghị Văn phòng Sở đọc tóm tắt 02 ý kiến \
gửi bằng văn bản của tổ chức vắng mặt; sau đó đại biểu phát biểu theo thứ tự đăng ký, lãnh đạo \
các phòng trả lời theo lĩnh vực được phân công.";

/// Item 5, after the first round: what was opened with, and this.
pub(super) const FIRST_ROUND: &str = "Đợt 1: Sở trả lời trực tiếp ý kiến của Bệnh viện Đa khoa \
Hòa Bình Mỹ Tho; hướng dẫn Công ty Cổ phần Thép Nam Tiền Giang thực hiện quyền khiếu nại theo \
Luật Khiếu nại; tổng hợp kiến nghị của Hợp tác xã Thanh long Chợ Gạo gửi Cục Sở hữu trí tuệ; \
trả lời bằng văn bản Công ty Cổ phần Thủy sản Gò Công và Phòng khám Nha khoa Ngọc Ánh. Ý kiến \
của Công ty TNHH Cơ điện lạnh Sao Việt sẽ được trả lời cùng với ý kiến phát biểu có cùng nội dung.";

/// The chair's conclusion as the record holds it at the moment shown.
pub(super) const CONCLUSION: &str = "1. Hội nghị đã nghe các ý kiến phát biểu trực tiếp và 02 ý \
kiến gửi bằng văn bản của tổ chức, cá nhân về thủ tục hành chính lĩnh vực khoa học và công \
nghệ. Các ý kiến thẳng thắn, đúng trọng tâm; phần lớn nội dung đã được lãnh đạo Sở và các phòng \
chuyên môn giải đáp ngay tại Hội nghị.
2. Giao Phòng Quản lý công nghệ và Chuyên ngành trả lời bằng văn bản các ý kiến chưa trả lời \
được tại Hội nghị trong thời hạn 20 ngày làm việc; Văn phòng Sở tổng hợp kiến nghị gửi Cục Sở \
hữu trí tuệ xem xét.";

/// What is being typed after it, unsaved: the next point, half written.
pub(super) const CONCLUSION_TYPING: &str = "
3. Giao Bộ phận Một cửa phối hợp Trung tâm Phục vụ hành chính công tỉnh hỗ trợ tổ chức, cá nhân \
số hóa hồ sơ, nộp hồ sơ trực tuyến; Văn phòng Sở công khai kết quả trả lời trên ";

/// A citizen who came without an invitation, added at the door.
pub(super) fn door_walk_in() -> ParticipantFields {
    ParticipantFields {
        position: "Chủ hộ kinh doanh".into(),
        honorific: Some(Honorific::Ms),
        contact: "0976 512 334".into(),
        attendance: Attendance::Present,
        ..ParticipantFields::named(
            "Phạm Thị Kiều",
            "Hộ kinh doanh Kiều Phát, huyện Chợ Gạo",
            ParticipantRole::Citizen,
        )
    }
}

/// The farmer who asked for the floor from his seat, as the secretary
/// completes his details once he has spoken.
pub(super) fn floor_walk_in() -> ParticipantFields {
    ParticipantFields {
        honorific: Some(Honorific::Mr),
        contact: "Ấp Tân Thạnh, xã Tân Mỹ Chánh, thành phố Mỹ Tho; 0388 214 905".into(),
        attendance: Attendance::Present,
        ..ParticipantFields::named(FLOOR_WALK_IN.0, FLOOR_WALK_IN.1, ParticipantRole::Citizen)
    }
}

/// The farmer's name and where he comes from, as given with his request.
pub(super) const FLOOR_WALK_IN: (&str, &str) =
    ("Trần Văn Út", "Nông dân, xã Tân Mỹ Chánh, thành phố Mỹ Tho");
