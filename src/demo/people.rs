//! The people at the demo meeting (data): the department's staff, a guest,
//! and the organizations and citizens who came, or wrote, or did not.

use super::{CHAIR_NAME, SECRETARY_NAME};
use crate::domain::*;

use Attendance::{Absent, AbsentWithWrittenSubmission, Invited, Present};
use ParticipantRole as R;

// Positions in `PEOPLE` of those the script refers to.
pub(super) const OFFICE_HEAD: usize = 2;
pub(super) const TECH_HEAD: usize = 3;
pub(super) const SCIENCE_HEAD: usize = 5;
pub(super) const CONTROL_OFFICER: usize = 7;
pub(super) const GUEST: usize = 9;
pub(super) const HOSPITAL: usize = 10;
pub(super) const STEEL: usize = 11;
pub(super) const COOPERATIVE: usize = 12;
pub(super) const UNIVERSITY: usize = 13;
pub(super) const SEAFOOD: usize = 14;
pub(super) const BIOTECH: usize = 15;
pub(super) const DENTAL: usize = 16;
pub(super) const REFRIGERATION: usize = 17;
pub(super) const CITIZEN: usize = 18;
pub(super) const ABSENT_CITIZEN: usize = 19;

pub(super) struct Person {
    pub(super) name: &'static str,
    pub(super) organization: &'static str,
    pub(super) role: ParticipantRole,
    /// Where the person stands once the meeting is under way.
    pub(super) attendance: Attendance,
}

const fn person(
    name: &'static str,
    organization: &'static str,
    role: ParticipantRole,
    attendance: Attendance,
) -> Person {
    Person {
        name,
        organization,
        role,
        attendance,
    }
}

pub(super) const PEOPLE: [Person; 21] = [
    person(
        CHAIR_NAME,
        "Phó Giám đốc Sở Khoa học và Công nghệ",
        R::Leadership,
        Present,
    ),
    // The list of roles has no "secretary": the minute-taker is the
    // department's procedure-control officer at the Office.
    person(
        SECRETARY_NAME,
        "Chuyên viên Văn phòng Sở, thư ký Hội nghị",
        R::ProcedureControlOfficer,
        Present,
    ),
    person(
        "Võ Văn Hiếu",
        "Chánh Văn phòng Sở",
        R::DivisionHead,
        Present,
    ),
    person(
        "Nguyễn Thị Kim Loan",
        "Trưởng phòng Quản lý công nghệ và Chuyên ngành",
        R::DivisionHead,
        Present,
    ),
    person(
        "Lê Hoàng Phúc",
        "Trưởng phòng Kế hoạch - Tài chính",
        R::DivisionHead,
        Present,
    ),
    person(
        "Huỳnh Minh Trí",
        "Trưởng phòng Quản lý khoa học",
        R::DivisionHead,
        Present,
    ),
    person(
        "Đặng Văn Lộc",
        "Chi cục trưởng Chi cục Tiêu chuẩn Đo lường Chất lượng",
        R::DivisionHead,
        Present,
    ),
    person(
        "Nguyễn Ngọc Bích Trâm",
        "Công chức kiểm soát thủ tục hành chính, Văn phòng Sở",
        R::ProcedureControlOfficer,
        Present,
    ),
    person(
        "Trương Thị Mỹ Duyên",
        "Bộ phận Một cửa của Sở tại Trung tâm Phục vụ hành chính công tỉnh",
        R::OneStopDesk,
        Present,
    ),
    person(
        "Lâm Quốc Bảo",
        "Phòng Kiểm soát thủ tục hành chính, Văn phòng UBND tỉnh Tiền Giang",
        R::Guest,
        Present,
    ),
    person(
        "Đỗ Thanh Sơn",
        "Bệnh viện Đa khoa Hòa Bình Mỹ Tho, Trưởng khoa Chẩn đoán hình ảnh",
        R::OrganizationRepresentative,
        Present,
    ),
    person(
        "Trương Văn Khang",
        "Công ty Cổ phần Thép Nam Tiền Giang",
        R::OrganizationRepresentative,
        Present,
    ),
    person(
        "Nguyễn Thị Hồng Nhung",
        "Hợp tác xã Thanh long Chợ Gạo, Giám đốc",
        R::OrganizationRepresentative,
        Present,
    ),
    person(
        "Phan Quốc Việt",
        "Trường Đại học Tiền Giang, Phòng Quản lý khoa học và Hợp tác quốc tế",
        R::OrganizationRepresentative,
        Present,
    ),
    person(
        "Huỳnh Thị Thanh Tâm",
        "Công ty Cổ phần Thủy sản Gò Công",
        R::OrganizationRepresentative,
        Present,
    ),
    person(
        "Lý Minh Khôi",
        "Công ty TNHH Công nghệ Sinh học Cửu Long Xanh",
        R::OrganizationRepresentative,
        Present,
    ),
    person(
        "Bùi Thị Ngọc Ánh",
        "Phòng khám Nha khoa Ngọc Ánh, Cai Lậy",
        R::OrganizationRepresentative,
        AbsentWithWrittenSubmission,
    ),
    person(
        "Châu Văn Lợi",
        "Công ty TNHH Cơ điện lạnh Sao Việt",
        R::OrganizationRepresentative,
        AbsentWithWrittenSubmission,
    ),
    person(
        "Nguyễn Văn Tư",
        "Cơ sở sản xuất ống nhựa Tư Phát, Châu Thành",
        R::Citizen,
        Present,
    ),
    person(
        "Lê Thị Thu Ba",
        "Phường 6, thành phố Mỹ Tho",
        R::Citizen,
        Absent,
    ),
    person(
        "Hồ Văn Nhân",
        "Công ty TNHH Xăng dầu Phú Cường",
        R::OrganizationRepresentative,
        Invited,
    ),
];

/// People from outside the department are invited first and checked in at
/// the door; the department's own staff are on the list as present.
pub(super) fn is_staff(person: &Person) -> bool {
    !matches!(
        person.role,
        R::Citizen | R::OrganizationRepresentative | R::Guest
    )
}
