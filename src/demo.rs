//! The demo meeting: a dialogue of a provincial Department of Science and
//! Technology with organizations and citizens about its administrative
//! procedures, in Vietnamese, caught in the middle of the dialogue item.
//!
//! Everything is derived from `now`: the meeting started about 80 minutes
//! earlier (on a whole minute), somebody has had the floor for 100 seconds,
//! four people wait for it. The same `now` always gives the same record; no
//! clock is read and nothing is random.
//!
//! People, companies and the plan's number are invented. Procedure names are
//! those in use in the field; the procedure codes follow the national format
//! (`1.00xxxx.000.00.00.Hnn`) but are illustrative, not looked up.

use std::fs;
use std::path::{Path, PathBuf};

use chrono::{Datelike, DurationRound, NaiveDate, TimeDelta};

use crate::domain::clock::local_date;
use crate::domain::workdays::add_working_days;
use crate::domain::*;
use crate::store::{OpenOptions, Sharing, Store, StoreError};

use Attendance::{Absent, AbsentWithWrittenSubmission, Invited, Present};
use ParticipantRole as R;

/// How long before `now` the demo meeting started (then rounded down to the
/// minute).
const MINUTES_IN_PROGRESS: i64 = 80;
/// How long the current speaker has had the floor at `now`.
const CURRENT_TURN_SECONDS: i64 = 100;

const TITLE_PREFIX: &str =
    "Hội nghị đối thoại với tổ chức, cá nhân về thủ tục hành chính lĩnh vực khoa học và công nghệ";
const CHAIR_NAME: &str = "Phạm Thanh Tùng";
const SECRETARY_NAME: &str = "Trần Thị Ngọc Hân";

/// The moment the demo meeting started.
fn start_of(now: Timestamp) -> Timestamp {
    let start = now - TimeDelta::minutes(MINUTES_IN_PROGRESS);
    start.duration_trunc(TimeDelta::minutes(1)).unwrap_or(start)
}

/// The demo meeting's details: title, agencies, chair and secretary, venue,
/// legal basis and settings, for a meeting that started about 80 minutes
/// before `now`.
pub fn demo_details(now: Timestamp) -> MeetingDetails {
    let start = start_of(now);
    let mut details = MeetingDetails {
        planned_start: Some(start),
        utc_offset_minutes: 7 * 60,
        ..MeetingDetails::default()
    };
    let day = local_date(&details, start);
    let year = day.year();
    let plan_date = day - TimeDelta::days(28);
    details.title = format!("{TITLE_PREFIX} năm {year}");
    details.superior_agency = "ỦY BAN NHÂN DÂN TỈNH TIỀN GIANG".into();
    details.agency = "SỞ KHOA HỌC VÀ CÔNG NGHỆ".into();
    details.chair = CHAIR_NAME.into();
    details.secretary = SECRETARY_NAME.into();
    details.venue = "Hội trường Sở Khoa học và Công nghệ tỉnh Tiền Giang, thành phố Mỹ Tho".into();
    details.place = "Mỹ Tho".into();
    details.legal_basis = format!(
        "Căn cứ Chỉ thị số 13/CT-TTg ngày 10/6/2015 của Thủ tướng Chính phủ về việc tăng cường \
         trách nhiệm của người đứng đầu cơ quan hành chính nhà nước các cấp trong công tác cải \
         cách thủ tục hành chính;\n\
         Căn cứ Quyết định số 2191/QĐ-UBND ngày 24/8/2019 của Ủy ban nhân dân tỉnh Tiền Giang ban \
         hành Kế hoạch triển khai thực hiện Chỉ thị số 13/CT-TTg ngày 10/6/2015 của Thủ tướng \
         Chính phủ;\n\
         Căn cứ Kế hoạch số 12/KH-SKHCN ngày {} của Sở Khoa học và Công nghệ về tổ chức tiếp xúc, \
         đối thoại với cá nhân, tổ chức về thủ tục hành chính, giải quyết thủ tục hành chính năm \
         {year}.",
        plan_date.format("%d/%m/%Y"),
    );
    details.doc_number = "BB-SKHCN".into();
    details.speaking_seconds = 180;
    details.reply_working_days = 20;
    // Fixed-date public holidays only: Tết and the Hùng Kings' day follow the
    // lunar calendar and are not worked out here.
    details.holidays = [(year, 1, 1), (year, 4, 30), (year, 5, 1), (year, 9, 2)]
        .into_iter()
        .chain([(year + 1, 1, 1)])
        .filter_map(|(y, m, d)| NaiveDate::from_ymd_opt(y, m, d))
        .collect();
    details
}

/// Creates `path` with the demo meeting in it. If writing the demo fails,
/// the half-written file is removed again.
pub fn create_demo(path: &Path, options: OpenOptions, now: Timestamp) -> Result<Store, StoreError> {
    // The meeting was prepared the day before.
    let prepared = start_of(now) - TimeDelta::days(1);
    let mut store = Store::create_at(path, options, demo_details(now), Sharing::Private, prepared)?;
    match write_demo(&mut store, now) {
        Ok(()) => Ok(store),
        Err(error) => {
            drop(store);
            for file in [
                path.to_path_buf(),
                sidecar(path, "-wal"),
                sidecar(path, "-shm"),
            ] {
                let _ = fs::remove_file(file);
            }
            Err(error)
        }
    }
}

fn sidecar(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    PathBuf::from(name)
}

// Positions in `PEOPLE` of those the script refers to.
const OFFICE_HEAD: usize = 2;
const TECH_HEAD: usize = 3;
const SCIENCE_HEAD: usize = 5;
const CONTROL_OFFICER: usize = 7;
const GUEST: usize = 9;
const HOSPITAL: usize = 10;
const STEEL: usize = 11;
const COOPERATIVE: usize = 12;
const UNIVERSITY: usize = 13;
const SEAFOOD: usize = 14;
const BIOTECH: usize = 15;
const DENTAL: usize = 16;
const REFRIGERATION: usize = 17;
const CITIZEN: usize = 18;
const ABSENT_CITIZEN: usize = 19;

struct Person {
    name: &'static str,
    organization: &'static str,
    role: ParticipantRole,
    /// Where the person stands once the meeting is under way.
    attendance: Attendance,
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

const PEOPLE: [Person; 21] = [
    person(
        CHAIR_NAME,
        "Phó Giám đốc Sở Khoa học và Công nghệ",
        R::Chair,
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
fn is_staff(person: &Person) -> bool {
    !matches!(
        person.role,
        R::Citizen | R::OrganizationRepresentative | R::Guest
    )
}

/// Seconds from minutes and seconds.
const fn ms(minutes: i64, seconds: i64) -> i64 {
    minutes * 60 + seconds
}

/// Runs commands at times it is given, which never go back.
struct Script<'s> {
    store: &'s mut Store,
    start: Timestamp,
    last: Option<Timestamp>,
}

impl Script<'_> {
    /// `seconds` after the start of the meeting (negative: before it).
    fn after_start(&self, seconds: i64) -> Timestamp {
        self.start + TimeDelta::seconds(seconds)
    }

    /// Runs `command` at `at`; returns the new entry's sequence number, which
    /// is the id of anything it created.
    fn run(&mut self, at: Timestamp, command: Command) -> Result<Id, StoreError> {
        debug_assert!(
            self.last.is_none_or(|last| last <= at),
            "the demo's clock went back"
        );
        self.last = Some(at);
        Ok(self.store.execute_at(command, at)?.seq)
    }

    fn run_after_start(&mut self, seconds: i64, command: Command) -> Result<Id, StoreError> {
        self.run(self.after_start(seconds), command)
    }

    fn rev(&self, entity: EntityRef) -> Seq {
        self.store.record().rev_of(entity).unwrap_or_default()
    }

    fn log_issue(&mut self, seconds: i64, issue: IssueFields) -> Result<Id, StoreError> {
        self.run_after_start(seconds, Command::LogIssue(issue))
    }

    /// Marks where person `who` (participant `id`) stands.
    fn set_attendance(
        &mut self,
        seconds: i64,
        who: usize,
        id: Id,
        attendance: Attendance,
    ) -> Result<(), StoreError> {
        let person = &PEOPLE[who];
        let base_rev = self.rev(EntityRef::Participant(id));
        self.run_after_start(
            seconds,
            Command::EditParticipant {
                id,
                base_rev,
                fields: ParticipantFields {
                    name: person.name.into(),
                    organization: person.organization.into(),
                    role: person.role,
                    contact: String::new(),
                    attendance,
                },
            },
        )?;
        Ok(())
    }

    fn answer(
        &mut self,
        at: Timestamp,
        id: Id,
        disposition: Disposition,
        answer: &str,
        escalated_to: &str,
    ) -> Result<Id, StoreError> {
        let base_rev = self.rev(EntityRef::Issue(id));
        self.run(
            at,
            Command::AnswerIssue {
                id,
                base_rev,
                fields: AnswerFields {
                    answer: answer.into(),
                    disposition,
                    reply_due: None,
                    escalated_to: escalated_to.into(),
                },
            },
        )
    }
}

fn request(speaker: Speaker, kind: RequestKind, topic: &str) -> Command {
    Command::RequestFloor {
        speaker,
        kind,
        topic: topic.into(),
    }
}

fn action(
    title: &str,
    owner: &str,
    issue: Option<Id>,
    due: NaiveDate,
    status: ActionStatus,
) -> Command {
    Command::AddAction(ActionFields {
        title: title.into(),
        owner: owner.into(),
        issue,
        due: Some(due),
        status,
        completion_ref: String::new(),
    })
}

fn issue(
    raised_by: Id,
    source: IssueSource,
    category: IssueCategory,
    field: &str,
    procedure: &str,
    text: &str,
) -> IssueFields {
    IssueFields {
        raised_by: Some(raised_by),
        source,
        category,
        field: field.into(),
        procedure: procedure.into(),
        text: text.into(),
    }
}

const FIELD_RADIATION: &str = "Năng lượng nguyên tử, an toàn bức xạ và hạt nhân";
const FIELD_STANDARDS: &str = "Tiêu chuẩn đo lường chất lượng";
const FIELD_TRANSFER: &str = "Chuyển giao công nghệ";
const FIELD_IP: &str = "Sở hữu trí tuệ";
const FIELD_SCIENCE: &str = "Hoạt động khoa học và công nghệ";

/// Writes the demo into a store freshly created with [`demo_details`]`(now)`
/// (holding only the meeting-created entry), opened with the chair's role:
/// participants, agenda, the first four items done, the dialogue under way
/// with a speaker at the floor and four waiting, issues in every
/// disposition, and actions.
pub fn write_demo(store: &mut Store, now: Timestamp) -> Result<(), StoreError> {
    let start = start_of(now);
    let details = store.record().meeting.details.clone();
    let day = local_date(&details, start);
    let working_days = |days: u32| add_working_days(day, days, &details.holidays);
    let mut s = Script {
        store,
        start,
        last: None,
    };

    // Before the meeting: the list of delegates, then the agenda.
    let mut ids = [0; PEOPLE.len()];
    for (n, person) in PEOPLE.iter().enumerate() {
        let attendance = if is_staff(person) { Present } else { Invited };
        ids[n] = s.run_after_start(
            ms(-55, 0) + 40 * n as i64,
            Command::AddParticipant(ParticipantFields {
                name: person.name.into(),
                organization: person.organization.into(),
                role: person.role,
                contact: String::new(),
                attendance,
            }),
        )?;
    }
    let report_period = if day.month() <= 6 {
        format!("năm {}", day.year() - 1)
    } else {
        format!("6 tháng đầu năm {}", day.year())
    };
    let agenda = [
        (
            "Tuyên bố lý do, giới thiệu đại biểu".to_string(),
            5,
            PEOPLE[OFFICE_HEAD].name,
        ),
        (
            "Phát biểu khai mạc của chủ trì Hội nghị".to_string(),
            5,
            CHAIR_NAME,
        ),
        (
            format!(
                "Báo cáo kết quả giải quyết thủ tục hành chính {report_period}: hồ sơ tiếp nhận, \
                 đúng hạn, trễ hạn, tỷ lệ nộp trực tuyến, phản ánh kiến nghị đã nhận"
            ),
            10,
            PEOPLE[CONTROL_OFFICER].name,
        ),
        (
            "Phổ biến thủ tục hành chính mới ban hành, sửa đổi, bổ sung lĩnh vực khoa học và \
             công nghệ"
                .to_string(),
            10,
            PEOPLE[TECH_HEAD].name,
        ),
        (
            "Đối thoại: giải đáp ý kiến tại Hội nghị và ý kiến gửi bằng văn bản".to_string(),
            60,
            "Lãnh đạo Sở và các phòng chuyên môn",
        ),
        ("Kết luận của chủ trì Hội nghị".to_string(), 10, CHAIR_NAME),
        (
            "Thông qua biên bản Hội nghị, bế mạc".to_string(),
            10,
            SECRETARY_NAME,
        ),
    ];
    let mut items = [0; 7];
    for (n, (title, minutes, presenter)) in agenda.into_iter().enumerate() {
        items[n] = s.run_after_start(
            ms(-40, 0) + 30 * n as i64,
            Command::AddAgendaItem(AgendaFields {
                title,
                planned_minutes: minutes,
                presenter: presenter.into(),
                position: None,
            }),
        )?;
    }

    // Attendance: written submissions noted, delegates checked in at the door.
    s.set_attendance(ms(-35, 0), DENTAL, ids[DENTAL], AbsentWithWrittenSubmission)?;
    s.set_attendance(
        ms(-34, 30),
        REFRIGERATION,
        ids[REFRIGERATION],
        AbsentWithWrittenSubmission,
    )?;
    let arrivals = PEOPLE
        .iter()
        .enumerate()
        .filter(|(_, p)| !is_staff(p) && p.attendance == Present)
        .map(|(n, _)| n);
    for (k, who) in arrivals.enumerate() {
        s.set_attendance(ms(-25, 0) + 95 * k as i64, who, ids[who], Present)?;
    }

    // 1-4: opening, introductions, report, briefing.
    s.run_after_start(0, Command::StartMeeting)?;
    s.run_after_start(ms(0, 15), Command::StartAgendaItem(items[0]))?;
    s.set_attendance(ms(3, 0), ABSENT_CITIZEN, ids[ABSENT_CITIZEN], Absent)?;
    s.run_after_start(ms(6, 0), Command::StartAgendaItem(items[1]))?;
    s.run_after_start(ms(11, 30), Command::StartAgendaItem(items[2]))?;
    s.run_after_start(ms(24, 0), Command::StartAgendaItem(items[3]))?;

    // 5: the dialogue. Written submissions first, then questions from the floor.
    s.run_after_start(ms(37, 0), Command::StartAgendaItem(items[4]))?;
    let dental = s.log_issue(
        ms(37, 40),
        issue(
            ids[DENTAL],
            IssueSource::WrittenSubmission,
            IssueCategory::Difficulty,
            FIELD_RADIATION,
            "Gia hạn giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán \
             trong y tế), mã 1.004530.000.00.00.H59",
            "Phòng khám có 01 máy X-quang răng toàn cảnh, giấy phép tiến hành công việc bức xạ \
             sắp hết hạn. Người phụ trách an toàn bức xạ mới được phân công chưa có chứng chỉ \
             nhân viên bức xạ, trong tỉnh chưa có lớp đào tạo. Đề nghị Sở hướng dẫn việc gia hạn \
             giấy phép trong thời gian chờ cấp chứng chỉ và cho biết cơ sở đào tạo gần nhất.",
        ),
    )?;
    // Left open: the biotech company at the floor now raises the same
    // subject, and the department will answer both together.
    s.log_issue(
        ms(38, 10),
        issue(
            ids[REFRIGERATION],
            IssueSource::WrittenSubmission,
            IssueCategory::Question,
            FIELD_SCIENCE,
            "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
            "Công ty sản xuất kho lạnh bảo quản nông sản từ kết quả đề tài hợp tác với Trường \
             Đại học Tiền Giang. Đề nghị hướng dẫn cách tính tỷ lệ doanh thu từ sản phẩm hình \
             thành từ kết quả khoa học và công nghệ khi sản phẩm còn dùng linh kiện nhập khẩu, \
             và cho biết các ưu đãi về thuế sau khi được cấp Giấy chứng nhận.",
        ),
    )?;
    let existing = |who: usize| Speaker::Existing(ids[who]);
    s.run_after_start(
        ms(38, 30),
        request(
            existing(HOSPITAL),
            RequestKind::Normal,
            "Cấp phép sử dụng máy X-quang mới: thời hạn, nộp trực tuyến",
        ),
    )?;
    s.run_after_start(
        ms(38, 45),
        request(
            existing(STEEL),
            RequestKind::Normal,
            "Quyết định xử phạt về nhãn hàng hóa thép cuộn",
        ),
    )?;
    s.run_after_start(
        ms(39, 0),
        request(
            existing(SEAFOOD),
            RequestKind::Normal,
            "Đăng ký hợp đồng chuyển giao công nghệ với đối tác Nhật Bản",
        ),
    )?;
    s.run_after_start(
        ms(39, 20),
        request(
            existing(COOPERATIVE),
            RequestKind::Normal,
            "Đăng ký nhãn hiệu tập thể cho thanh long ruột đỏ",
        ),
    )?;

    // Turn 1: the hospital, 2:50.
    s.run_after_start(ms(40, 0), Command::NextSpeaker)?;
    // Turn 2: the steel company, 3:40, over time.
    s.run_after_start(ms(42, 50), Command::NextSpeaker)?;
    let hospital = s.log_issue(
        ms(43, 0),
        issue(
            ids[HOSPITAL],
            IssueSource::Floor,
            IssueCategory::Question,
            FIELD_RADIATION,
            "Cấp giấy phép tiến hành công việc bức xạ (sử dụng thiết bị X-quang chẩn đoán trong \
             y tế), mã 1.004522.000.00.00.H59",
            "Bệnh viện vừa lắp đặt thêm 01 máy X-quang kỹ thuật số tại khoa Cấp cứu. Đề nghị \
             cho biết thời hạn giải quyết hồ sơ cấp giấy phép, có nộp hồ sơ trực tuyến toàn \
             trình được không, và trong thời gian chờ giấy phép bệnh viện có được sử dụng máy \
             để phục vụ cấp cứu hay không.",
        ),
    )?;
    // Turn 3: the seafood company, paused for 45 s while the one-stop desk
    // looks up the dossier; 2:50 spoken.
    s.run_after_start(ms(46, 30), Command::NextSpeaker)?;
    let steel = s.log_issue(
        ms(46, 45),
        issue(
            ids[STEEL],
            IssueSource::Floor,
            IssueCategory::Difficulty,
            FIELD_STANDARDS,
            "Không phải thủ tục hành chính: quyết định xử phạt vi phạm hành chính về nhãn hàng \
             hóa",
            "Công ty không đồng ý với quyết định xử phạt vi phạm hành chính về ghi nhãn đối với \
             lô thép cuộn, cho rằng nhãn phụ đã thể hiện đủ nội dung bắt buộc; đề nghị Sở xem \
             xét hủy quyết định.",
        ),
    )?;
    s.run_after_start(ms(47, 40), Command::TogglePause)?;
    s.run_after_start(ms(48, 25), Command::TogglePause)?;
    // Turn 4: the cooperative, given one more minute; 3:55 of 4:00.
    s.run_after_start(ms(50, 5), Command::NextSpeaker)?;
    let seafood = s.log_issue(
        ms(50, 20),
        issue(
            ids[SEAFOOD],
            IssueSource::Floor,
            IssueCategory::Question,
            FIELD_TRANSFER,
            "Đăng ký hợp đồng chuyển giao công nghệ, mã 1.005081.000.00.00.H59",
            "Công ty ký hợp đồng nhận chuyển giao dây chuyền cấp đông IQF kèm bí quyết công \
             nghệ từ đối tác Nhật Bản. Đề nghị cho biết hợp đồng có thuộc diện phải đăng ký tại \
             Sở không, hợp đồng bằng tiếng Anh có phải dịch sang tiếng Việt và chứng thực bản \
             dịch không, và có được nộp bổ sung phụ lục hợp đồng sau không.",
        ),
    )?;
    s.run_after_start(ms(52, 55), Command::AddTime { seconds: 60 })?;
    // Nobody else waits: the turn ends and the department answers.
    s.run_after_start(ms(54, 0), Command::NextSpeaker)?;
    let cooperative = s.log_issue(
        ms(54, 15),
        issue(
            ids[COOPERATIVE],
            IssueSource::Floor,
            IssueCategory::Recommendation,
            FIELD_IP,
            "Đăng ký nhãn hiệu tập thể (thẩm quyền của Cục Sở hữu trí tuệ)",
            "Hợp tác xã nộp đơn đăng ký nhãn hiệu tập thể cho thanh long ruột đỏ đã hơn 14 tháng \
             nhưng chưa có kết quả thẩm định nội dung, ảnh hưởng đến hợp đồng xuất khẩu. Đề \
             nghị kiến nghị rút ngắn thời gian thẩm định và hỗ trợ chi phí đăng ký theo chương \
             trình phát triển tài sản trí tuệ của tỉnh.",
        ),
    )?;

    // The department answers the first round; more people sign up meanwhile.
    s.run_after_start(
        ms(54, 30),
        request(
            existing(UNIVERSITY),
            RequestKind::Normal,
            "Đăng ký kết quả nhiệm vụ KH&CN không dùng ngân sách",
        ),
    )?;
    s.answer(
        s.after_start(ms(56, 30)),
        hospital,
        Disposition::Answered,
        "Bà Nguyễn Thị Kim Loan, Trưởng phòng Quản lý công nghệ và Chuyên ngành, trả lời: thủ \
         tục được tiếp nhận trực tuyến toàn trình trên Cổng Dịch vụ công; thời hạn giải quyết \
         được niêm yết tại Bộ phận Một cửa và trên Cổng, Sở giải quyết trước hạn khi hồ sơ đầy \
         đủ. Thiết bị chỉ được đưa vào sử dụng sau khi được cấp giấy phép; Bệnh viện cần hoàn \
         tất kiểm định thiết bị và đo kiểm tra môi trường làm việc trước khi nộp hồ sơ.",
        "",
    )?;
    s.run_after_start(
        ms(57, 0),
        request(
            existing(CITIZEN),
            RequestKind::Normal,
            "Nộp hồ sơ công bố hợp chuẩn trực tuyến",
        ),
    )?;
    s.answer(
        s.after_start(ms(58, 30)),
        steel,
        Disposition::Redirected,
        "Nội dung là khiếu nại đối với quyết định hành chính, không thuộc phạm vi đối thoại về \
         thủ tục hành chính. Đề nghị Công ty gửi đơn khiếu nại đến người đã ban hành quyết định \
         trong thời hiệu 90 ngày theo Luật Khiếu nại năm 2011; Văn phòng Sở hướng dẫn việc tiếp \
         nhận đơn.",
        "",
    )?;
    s.answer(
        s.after_start(ms(60, 30)),
        seafood,
        Disposition::WrittenReplyRequired,
        "Sở tiếp thu. Phạm vi phải đăng ký và thẩm quyền tiếp nhận cần đối chiếu với hợp đồng cụ \
         thể; Phòng Quản lý công nghệ và Chuyên ngành nghiên cứu hồ sơ và trả lời Công ty bằng \
         văn bản.",
        "",
    )?;
    s.run_after_start(
        ms(60, 50),
        action(
            "Trả lời bằng văn bản Công ty Cổ phần Thủy sản Gò Công về đăng ký hợp đồng chuyển \
             giao công nghệ",
            "Phòng Quản lý công nghệ và Chuyên ngành",
            Some(seafood),
            working_days(15),
            ActionStatus::Open,
        ),
    )?;
    // A walk-in: the request puts him on the list, under the request's id.
    let walk_in = s.run_after_start(
        ms(61, 0),
        request(
            Speaker::New {
                name: "Trần Văn Út".into(),
                organization: "Nông dân, xã Tân Mỹ Chánh, thành phố Mỹ Tho".into(),
            },
            RequestKind::Normal,
            "Máy cắt tỉa cành thanh long tự chế: công nhận sáng kiến",
        ),
    )?;
    s.answer(
        s.after_start(ms(62, 40)),
        cooperative,
        Disposition::Escalated,
        "Thẩm định đơn đăng ký nhãn hiệu thuộc thẩm quyền của Cục Sở hữu trí tuệ. Sở tiếp thu, \
         tổng hợp kiến nghị gửi Cục xem xét và thông báo kết quả cho Hợp tác xã; việc hỗ trợ chi \
         phí được hướng dẫn theo chương trình phát triển tài sản trí tuệ của tỉnh.",
        "Cục Sở hữu trí tuệ - Bộ Khoa học và Công nghệ",
    )?;
    s.run_after_start(
        ms(63, 0),
        action(
            "Tổng hợp kiến nghị về thời gian thẩm định đơn nhãn hiệu tập thể, báo cáo Cục Sở hữu \
             trí tuệ",
            "Văn phòng Sở",
            Some(cooperative),
            working_days(5),
            ActionStatus::InProgress,
        ),
    )?;
    s.run_after_start(
        ms(63, 20),
        action(
            "Hướng dẫn Hợp tác xã Thanh long Chợ Gạo lập hồ sơ đề nghị hỗ trợ theo chương trình \
             phát triển tài sản trí tuệ của tỉnh",
            "Huỳnh Minh Trí, Phòng Quản lý khoa học",
            Some(cooperative),
            working_days(10),
            ActionStatus::Open,
        ),
    )?;
    s.answer(
        s.after_start(ms(64, 0)),
        dental,
        Disposition::WrittenReplyRequired,
        "Ý kiến gửi bằng văn bản; Sở trả lời Phòng khám bằng văn bản trong thời hạn của Kế \
         hoạch.",
        "",
    )?;
    s.run_after_start(
        ms(64, 20),
        action(
            "Trả lời bằng văn bản Phòng khám Nha khoa Ngọc Ánh về gia hạn giấy phép tiến hành \
             công việc bức xạ",
            "Nguyễn Thị Kim Loan, Phòng Quản lý công nghệ và Chuyên ngành",
            Some(dental),
            working_days(details.reply_working_days),
            ActionStatus::Open,
        ),
    )?;

    // Second round: the university (1:30), the citizen (2:20), the walk-in
    // (2:40).
    s.run_after_start(ms(65, 0), Command::NextSpeaker)?;
    s.run_after_start(ms(66, 30), Command::NextSpeaker)?;
    let university = s.log_issue(
        ms(66, 45),
        issue(
            ids[UNIVERSITY],
            IssueSource::Floor,
            IssueCategory::Question,
            FIELD_SCIENCE,
            "Đăng ký kết quả thực hiện nhiệm vụ khoa học và công nghệ không sử dụng ngân sách nhà \
             nước",
            "Trường có 03 đề tài cấp cơ sở tự tài trợ đã nghiệm thu; đề nghị hướng dẫn hồ sơ \
             đăng ký kết quả thực hiện nhiệm vụ và thời hạn phải đăng ký.",
        ),
    )?;
    s.answer(
        s.after_start(ms(67, 10)),
        university,
        Disposition::Withdrawn,
        "Đại biểu rút lại ý kiến: nội dung đã được phổ biến tại phần giới thiệu thủ tục hành \
         chính mới và trong tài liệu phát tại Hội nghị.",
        "",
    )?;
    s.run_after_start(ms(68, 50), Command::NextSpeaker)?;
    let citizen = s.log_issue(
        ms(69, 5),
        issue(
            ids[CITIZEN],
            IssueSource::Floor,
            IssueCategory::Difficulty,
            FIELD_STANDARDS,
            "Tiếp nhận hồ sơ công bố hợp chuẩn dựa trên kết quả tự đánh giá của tổ chức, cá nhân \
             sản xuất, kinh doanh, mã 1.000047.000.00.00.H59",
            "Cơ sở nộp hồ sơ công bố hợp chuẩn ống nhựa trực tuyến nhưng hệ thống báo tệp đính \
             kèm quá dung lượng và yêu cầu chữ ký số, trong khi cơ sở chưa có chữ ký số. Đề nghị \
             hướng dẫn cách nộp và cho phép nộp hồ sơ giấy song song.",
        ),
    )?;
    s.run_after_start(ms(71, 30), Command::NextSpeaker)?;
    let invention = s.log_issue(
        ms(71, 45),
        issue(
            walk_in,
            IssueSource::Floor,
            IssueCategory::Initiative,
            FIELD_SCIENCE,
            "Công nhận sáng kiến; đăng ký sáng chế, giải pháp hữu ích",
            "Ông tự chế tạo máy cắt tỉa cành thanh long chạy pin, đã dùng thử trên 2 ha vườn, \
             giảm một nửa công lao động. Đề nghị được hướng dẫn thủ tục công nhận sáng kiến hoặc \
             đăng ký bảo hộ, và được hỗ trợ nhân rộng cho nông dân trong tỉnh.",
        ),
    )?;
    s.run_after_start(
        ms(72, 0),
        request(
            existing(BIOTECH),
            RequestKind::Normal,
            "Hồ sơ cấp Giấy chứng nhận doanh nghiệp KH&CN bị yêu cầu bổ sung nhiều lần",
        ),
    )?;
    s.answer(
        s.after_start(ms(73, 0)),
        citizen,
        Disposition::Answered,
        "Bà Trương Thị Mỹ Duyên, Bộ phận Một cửa, hướng dẫn: đăng nhập Cổng Dịch vụ công bằng \
         tài khoản định danh điện tử; tệp lớn có thể tách thành nhiều tệp; Bộ phận Một cửa hỗ \
         trợ số hóa hồ sơ giấy miễn phí tại Trung tâm Phục vụ hành chính công. Cơ sở vẫn có thể \
         nộp trực tiếp hoặc qua dịch vụ bưu chính công ích.",
        "",
    )?;
    s.run_after_start(
        ms(73, 20),
        action(
            "Hỗ trợ Cơ sở Tư Phát số hóa và nộp trực tuyến hồ sơ công bố hợp chuẩn",
            "Trương Thị Mỹ Duyên, Bộ phận Một cửa",
            Some(citizen),
            working_days(3),
            ActionStatus::InProgress,
        ),
    )?;
    s.run_after_start(
        ms(74, 0),
        request(
            existing(STEEL),
            RequestKind::Normal,
            "Kiến nghị liên thông dữ liệu công bố hợp quy giữa các tỉnh",
        ),
    )?;
    s.answer(
        s.after_start(ms(75, 10)),
        invention,
        Disposition::Answered,
        "Ông Huỳnh Minh Trí, Trưởng phòng Quản lý khoa học, trả lời: Sở hướng dẫn ông lập hồ \
         sơ đề nghị công nhận sáng kiến; đơn đăng ký sáng chế, giải pháp hữu ích nộp tại Cục Sở \
         hữu trí tuệ, Sở hỗ trợ tư vấn lập hồ sơ miễn phí. Phòng sẽ khảo sát thực tế để xem xét \
         đưa vào danh mục hỗ trợ ứng dụng, nhân rộng.",
        "",
    )?;

    // Now: the biotech company has had the floor for 100 s; a reply, a point
    // of order and a guest have joined the queue since.
    let turn_start = now - TimeDelta::seconds(CURRENT_TURN_SECONDS);
    s.run(turn_start, Command::NextSpeaker)?;
    s.run(
        now - TimeDelta::seconds(70),
        request(
            existing(GUEST),
            RequestKind::Normal,
            "Công khai kết quả trả lời phản ánh, kiến nghị trên Cổng Dịch vụ công",
        ),
    )?;
    s.run(
        now - TimeDelta::seconds(55),
        request(
            existing(SCIENCE_HEAD),
            RequestKind::Reply,
            "Trả lời về cách tính tỷ lệ doanh thu từ sản phẩm KH&CN",
        ),
    )?;
    s.run(
        now - TimeDelta::seconds(40),
        Command::LogIssue(issue(
            ids[BIOTECH],
            IssueSource::Floor,
            IssueCategory::Difficulty,
            FIELD_SCIENCE,
            "Cấp Giấy chứng nhận doanh nghiệp khoa học và công nghệ",
            "Công ty nộp hồ sơ đề nghị cấp Giấy chứng nhận doanh nghiệp khoa học và công \
                 nghệ cho chế phẩm vi sinh xử lý phụ phẩm thanh long; hồ sơ bị yêu cầu bổ sung \
                 hai lần vì chưa chứng minh được quyền sử dụng kết quả nghiên cứu nhận chuyển \
                 giao từ viện. Đề nghị hướng dẫn một lần, đầy đủ các giấy tờ cần bổ sung.",
        )),
    )?;
    s.run(
        now - TimeDelta::seconds(25),
        request(
            existing(CITIZEN),
            RequestKind::PointOfOrder,
            "Đề nghị bố trí thêm micro cho hàng ghế cuối",
        ),
    )?;
    Ok(())
}
