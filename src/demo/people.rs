//! The people at the demo meeting (data): the department's staff, a guest,
//! the organizations, citizens and a citizens' group who came, wrote in,
//! sent word, or have not turned up yet.

use super::{CHAIR_NAME, SECRETARY_NAME};
use crate::domain::*;

use Attendance::{Absent, AbsentWithNotice, AbsentWithWrittenSubmission, Invited, Present};
use Honorific::{Mr, Ms};
use ParticipantRole as R;

// Positions in `PEOPLE` of those the script refers to.
pub(super) const CHAIR: usize = 0;
pub(super) const SECRETARY: usize = 1;
pub(super) const OFFICE_HEAD: usize = 2;
pub(super) const TECH_HEAD: usize = 3;
pub(super) const SCIENCE_HEAD: usize = 5;
pub(super) const CONTROL_OFFICER: usize = 7;
pub(super) const ONE_STOP_DESK: usize = 8;
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
/// Phoned the Office the day before: ill.
pub(super) const EXCUSED_CITIZEN: usize = 19;
/// Neither came nor sent word; called absent at the roll call.
pub(super) const ABSENT_COMPANY: usize = 22;

/// The department's own people: on the list as present from the start.
const DEPARTMENT: &str = "Sở Khoa học và Công nghệ tỉnh Tiền Giang";

pub(super) struct Person {
    pub(super) name: &'static str,
    pub(super) honorific: Honorific,
    /// Chức vụ.
    pub(super) position: &'static str,
    pub(super) organization: &'static str,
    pub(super) role: ParticipantRole,
    /// Address or phone, for a written reply.
    pub(super) contact: &'static str,
    /// A citizens' group: how many people it stands for, and who speaks
    /// for it.
    pub(super) members: u32,
    pub(super) representatives: &'static str,
    /// Where the person stands at the moment shown (the script says when).
    pub(super) attendance: Attendance,
}

impl Person {
    /// The person as the list of delegates holds them, with `attendance`.
    pub(super) fn fields(&self, attendance: Attendance) -> ParticipantFields {
        ParticipantFields {
            position: self.position.into(),
            // A group speaks through its representatives: no Ông or Bà.
            honorific: (self.members == 0).then_some(self.honorific),
            contact: self.contact.into(),
            attendance,
            members: self.members,
            representatives: self.representatives.into(),
            ..ParticipantFields::named(self.name, self.organization, self.role)
        }
    }
}

const fn person(
    name: &'static str,
    honorific: Honorific,
    position: &'static str,
    organization: &'static str,
    role: ParticipantRole,
    contact: &'static str,
    attendance: Attendance,
) -> Person {
    Person {
        name,
        honorific,
        position,
        organization,
        role,
        contact,
        members: 0,
        representatives: "",
        attendance,
    }
}

const fn staff(
    name: &'static str,
    honorific: Honorific,
    position: &'static str,
    organization: &'static str,
    role: ParticipantRole,
) -> Person {
    person(name, honorific, position, organization, role, "", Present)
}

pub(super) const PEOPLE: [Person; 24] = [
    staff(CHAIR_NAME, Mr, "Phó Giám đốc Sở", DEPARTMENT, R::Leadership),
    // The secretary of the meeting is an officer of the Office, where the
    // control of administrative procedures sits.
    staff(
        SECRETARY_NAME,
        Ms,
        "Chuyên viên Văn phòng Sở",
        DEPARTMENT,
        R::ProcedureControlOfficer,
    ),
    staff(
        "Võ Văn Hiếu",
        Mr,
        "Chánh Văn phòng Sở",
        DEPARTMENT,
        R::DivisionHead,
    ),
    staff(
        "Nguyễn Thị Kim Loan",
        Ms,
        "Trưởng phòng Quản lý công nghệ và Chuyên ngành",
        DEPARTMENT,
        R::DivisionHead,
    ),
    staff(
        "Lê Hoàng Phúc",
        Mr,
        "Trưởng phòng Kế hoạch - Tài chính",
        DEPARTMENT,
        R::DivisionHead,
    ),
    staff(
        "Huỳnh Minh Trí",
        Mr,
        "Trưởng phòng Quản lý khoa học",
        DEPARTMENT,
        R::DivisionHead,
    ),
    staff(
        "Đặng Văn Lộc",
        Mr,
        "Chi cục trưởng",
        "Chi cục Tiêu chuẩn Đo lường Chất lượng",
        R::DivisionHead,
    ),
    staff(
        "Nguyễn Ngọc Bích Trâm",
        Ms,
        "Công chức kiểm soát thủ tục hành chính",
        "Văn phòng Sở Khoa học và Công nghệ",
        R::ProcedureControlOfficer,
    ),
    staff(
        "Trương Thị Mỹ Duyên",
        Ms,
        "Công chức tiếp nhận và trả kết quả",
        "Bộ phận Một cửa của Sở tại Trung tâm Phục vụ hành chính công tỉnh",
        R::OneStopDesk,
    ),
    person(
        "Lâm Quốc Bảo",
        Mr,
        "Chuyên viên Phòng Kiểm soát thủ tục hành chính",
        "Văn phòng UBND tỉnh Tiền Giang",
        R::Guest,
        "",
        Present,
    ),
    person(
        "Đỗ Thanh Sơn",
        Mr,
        "Trưởng khoa Chẩn đoán hình ảnh",
        "Bệnh viện Đa khoa Hòa Bình Mỹ Tho",
        R::OrganizationRepresentative,
        "0273 3872 115",
        Present,
    ),
    person(
        "Trương Văn Khang",
        Mr,
        "Phó Giám đốc",
        "Công ty Cổ phần Thép Nam Tiền Giang",
        R::OrganizationRepresentative,
        "Khu công nghiệp Long Giang, huyện Tân Phước; 0273 3855 123",
        Present,
    ),
    person(
        "Nguyễn Thị Hồng Nhung",
        Ms,
        "Giám đốc",
        "Hợp tác xã Thanh long Chợ Gạo",
        R::OrganizationRepresentative,
        "Ấp Bình Hòa, xã Bình Phan, huyện Chợ Gạo; 0918 227 406",
        Present,
    ),
    person(
        "Phan Quốc Việt",
        Mr,
        "Phó Trưởng phòng Quản lý khoa học và Hợp tác quốc tế",
        "Trường Đại học Tiền Giang",
        R::OrganizationRepresentative,
        "viet.pq@tgu.edu.vn",
        Present,
    ),
    person(
        "Huỳnh Thị Thanh Tâm",
        Ms,
        "Trưởng phòng Kỹ thuật",
        "Công ty Cổ phần Thủy sản Gò Công",
        R::OrganizationRepresentative,
        "0273 3841 290",
        Present,
    ),
    person(
        "Lý Minh Khôi",
        Mr,
        "Giám đốc",
        "Công ty TNHH Công nghệ Sinh học Cửu Long Xanh",
        R::OrganizationRepresentative,
        "khoi.lm@cuulongxanh.vn",
        Present,
    ),
    person(
        "Bùi Thị Ngọc Ánh",
        Ms,
        "Chủ phòng khám",
        "Phòng khám Nha khoa Ngọc Ánh, Cai Lậy",
        R::OrganizationRepresentative,
        "Số 215 Quốc lộ 1, phường 4, thị xã Cai Lậy; 0909 771 245",
        AbsentWithWrittenSubmission,
    ),
    person(
        "Châu Văn Lợi",
        Mr,
        "Giám đốc",
        "Công ty TNHH Cơ điện lạnh Sao Việt",
        R::OrganizationRepresentative,
        "Số 48 đường Lý Thường Kiệt, phường 5, thành phố Mỹ Tho",
        AbsentWithWrittenSubmission,
    ),
    person(
        "Nguyễn Văn Tư",
        Mr,
        "Chủ cơ sở",
        "Cơ sở sản xuất ống nhựa Tư Phát, Châu Thành",
        R::Citizen,
        "0909 123 456",
        Present,
    ),
    person(
        "Lê Thị Thu Ba",
        Ms,
        "",
        "Phường 6, thành phố Mỹ Tho",
        R::Citizen,
        "0939 604 118",
        AbsentWithNotice,
    ),
    person(
        "Hồ Văn Nhân",
        Mr,
        "Phó Giám đốc",
        "Công ty TNHH Xăng dầu Phú Cường",
        R::OrganizationRepresentative,
        "0273 3868 552",
        Invited,
    ),
    Person {
        members: 14,
        representatives: "Ông Nguyễn Văn Bảy, Bà Lê Thị Hoa",
        ..person(
            "Nhóm hộ sản xuất nước mắm truyền thống Vàm Láng",
            Mr,
            "",
            "Xã Vàm Láng, huyện Gò Công Đông",
            R::Citizen,
            "Ấp Lăng, xã Vàm Láng, huyện Gò Công Đông; 0918 456 720",
            Present,
        )
    },
    person(
        "Đinh Công Thành",
        Mr,
        "Giám đốc",
        "Công ty TNHH Cơ khí Chính xác Tân Hương",
        R::OrganizationRepresentative,
        "0273 3643 907",
        Absent,
    ),
    person(
        "Trần Minh Hoàng",
        Mr,
        "Trưởng phòng Dự án",
        "Công ty TNHH Phần mềm Mê Kông",
        R::OrganizationRepresentative,
        "hoang.tm@mekongsoft.vn",
        Invited,
    ),
];

/// The department's staff are on the list as present from the start;
/// everyone else is invited and checked in at the door.
pub(super) fn is_staff(person: &Person) -> bool {
    person.role.is_staff()
}
