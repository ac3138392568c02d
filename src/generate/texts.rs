//! The Vietnamese names and texts the large meeting is made of: the words
//! its delegates, organizations and issues are drawn from, and the
//! meeting's own details.

use crate::domain::*;

pub(super) const FAMILY: &[&str] = &[
    "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ",
    "Hồ", "Ngô", "Dương", "Lý", "Châu", "Lâm", "Trương", "Đinh",
];
pub(super) const MIDDLE: &[&str] = &[
    "Văn", "Thị", "Minh", "Thanh", "Quốc", "Ngọc", "Hữu", "Đức", "Thu", "Hồng", "Kim", "Bảo",
];
pub(super) const GIVEN: &[&str] = &[
    "An", "Bình", "Châu", "Dũng", "Hà", "Hạnh", "Hòa", "Khoa", "Lan", "Long", "Mai", "Nam", "Ngân",
    "Phúc", "Quang", "Sơn", "Tâm", "Thảo", "Trí", "Tú", "Vy", "Yến", "Đạt", "Hiếu", "Nhung",
    "Tuấn",
];
pub(super) const ORGANIZATION: &[&str] = &[
    "Công ty TNHH",
    "Công ty Cổ phần",
    "Hợp tác xã",
    "Doanh nghiệp tư nhân",
    "Cơ sở sản xuất",
    "Trường",
    "Bệnh viện",
    "Phòng khám",
];
pub(super) const TRADE: &[&str] = &[
    "Thủy sản",
    "Cơ khí",
    "Thanh long",
    "Dược phẩm",
    "Công nghệ sinh học",
    "Điện lạnh",
    "Xây dựng",
    "Nông sản",
    "Nhựa",
    "Thực phẩm",
    "Y tế",
    "Phần mềm",
];
pub(super) const PLACE: &[&str] = &[
    "Mỹ Tho",
    "Gò Công",
    "Cai Lậy",
    "Cái Bè",
    "Chợ Gạo",
    "Châu Thành",
    "Tân Phước",
    "Cao Lãnh",
    "Sa Đéc",
];
pub(super) const FIELD: &[&str] = &[
    "Sở hữu trí tuệ",
    "Tiêu chuẩn đo lường chất lượng",
    "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân",
    "Chuyển giao công nghệ",
    "Hoạt động khoa học và công nghệ",
];
pub(super) const PROCEDURE: &[&str] = &[
    "Cấp Giấy phép tiến hành công việc bức xạ",
    "Đăng ký hợp đồng chuyển giao công nghệ",
    "Công bố hợp chuẩn, hợp quy",
    "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ",
    "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
    "Đăng ký nhãn hiệu",
];
pub(super) const CONCERN: &[&str] = &[
    "thời hạn giải quyết hồ sơ còn dài",
    "thành phần hồ sơ yêu cầu nhiều bản sao",
    "nộp hồ sơ trực tuyến thường bị lỗi khi tải tệp",
    "phí thẩm định chưa được công khai rõ ràng",
    "chưa có hướng dẫn cho doanh nghiệp nhỏ",
    "kết quả được trả chậm so với giấy hẹn",
];

pub(super) fn details(start: Timestamp) -> MeetingDetails {
    MeetingDetails {
        title: "Hội nghị đối thoại toàn tỉnh về thủ tục hành chính lĩnh vực khoa học và công nghệ"
            .into(),
        superior_agency: "ỦY BAN NHÂN DÂN TỈNH".into(),
        agency: "SỞ KHOA HỌC VÀ CÔNG NGHỆ".into(),
        chair: CHAIR.into(),
        secretary: SECRETARY.into(),
        venue: "Hội trường Trung tâm Hội nghị tỉnh".into(),
        place: "Mỹ Tho".into(),
        planned_start: Some(start),
        doc_number: "BB-SKHCN".into(),
        ..MeetingDetails::default()
    }
}

/// The department's people at the large meeting: group and position, in
/// turn (the first two are the chair and the secretary).
pub(super) const STAFF: &[(ParticipantRole, &str)] = &[
    (ParticipantRole::Leadership, "Phó Giám đốc Sở"),
    (
        ParticipantRole::ProcedureControlOfficer,
        "Chuyên viên Văn phòng Sở",
    ),
    (ParticipantRole::Leadership, "Giám đốc Sở"),
    (ParticipantRole::DivisionHead, "Chánh Văn phòng Sở"),
    (
        ParticipantRole::DivisionHead,
        "Trưởng phòng Quản lý khoa học",
    ),
    (
        ParticipantRole::DivisionHead,
        "Trưởng phòng Quản lý công nghệ và Chuyên ngành",
    ),
    (
        ParticipantRole::DivisionHead,
        "Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng",
    ),
    (
        ParticipantRole::ProcedureControlOfficer,
        "Công chức kiểm soát thủ tục hành chính",
    ),
    (
        ParticipantRole::OneStopDesk,
        "Công chức tiếp nhận và trả kết quả",
    ),
];
/// The chair's and the secretary's names (the first two of `STAFF`).
pub(super) const CHAIR: &str = "Phạm Thanh Tùng";
pub(super) const SECRETARY: &str = "Trần Thị Ngọc Hân";
pub(super) const DEPARTMENT: &str = "Sở Khoa học và Công nghệ";
/// Positions of the people organizations send.
pub(super) const POSITION: &[&str] = &[
    "Giám đốc",
    "Phó Giám đốc",
    "Trưởng phòng Kỹ thuật",
    "Kế toán trưởng",
    "Chuyên viên pháp chế",
    "Chủ nhiệm",
    "Trưởng khoa",
    "Chủ cơ sở",
];
/// What the secretary writes of an agenda item of the large meeting.
pub(super) const NOTES: &[&str] = &[
    "Lãnh đạo Sở chủ trì phiên đối thoại; đại biểu phát biểu theo thứ tự đăng ký.",
    "Các ý kiến tập trung vào thời hạn giải quyết và việc nộp hồ sơ trực tuyến.",
    "Phòng chuyên môn giải đáp trực tiếp; nội dung chưa trả lời được ghi nhận để trả lời bằng \
     văn bản.",
];
/// The chair's conclusion of the large meeting.
pub(super) const CONCLUSION: &str = "Hội nghị ghi nhận các ý kiến của tổ chức, cá nhân; giao các \
phòng chuyên môn trả lời bằng văn bản các nội dung chưa trả lời được tại Hội nghị trong thời hạn \
quy định.";
