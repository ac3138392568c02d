//! The words plans and lists may use, in English or Vietnamese, with or
//! without accents: column headers, delegate groups, the meeting's chair and
//! secretary, attendance, honorifics. Kept here rather than with the
//! console's labels: a list may say things the console never shows ("chair",
//! "vắng, có văn bản", "x"), and a label renamed on screen must not make an
//! old list unreadable. The console's own words are understood too.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::domain::text::fold;
use crate::domain::*;
use crate::i18n::{Label, Lang};

/// What a list may mark a person as, besides their delegate group: the
/// meeting's chair or its secretary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Seat {
    Chair,
    Secretary,
}

impl Seat {
    /// The group a person in this seat is listed under when the list gives
    /// none: the chair is one of the leaders, the secretary works in one of
    /// the specialised divisions (usually the Office).
    pub fn default_group(self) -> ParticipantRole {
        match self {
            Seat::Chair => ParticipantRole::Leadership,
            Seat::Secretary => ParticipantRole::DivisionHead,
        }
    }

    pub fn word(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Seat::Chair, Lang::En) => "chair",
            (Seat::Chair, Lang::Vi) => "chủ trì",
            (Seat::Secretary, Lang::En) => "secretary",
            (Seat::Secretary, Lang::Vi) => "thư ký",
        }
    }
}

/// The form words are compared in: accents, case and punctuation aside
/// ("Vắng, có văn bản" and "vang co van ban" are the same words).
pub fn word_key(text: &str) -> String {
    let folded = fold(text.trim());
    let mut key = String::with_capacity(folded.len());
    for word in folded.split(|c: char| !c.is_alphanumeric()) {
        if word.is_empty() {
            continue;
        }
        if !key.is_empty() {
            key.push(' ');
        }
        key.push_str(word);
    }
    key
}

// ---- Column headers --------------------------------------------------------

pub const NAME_HEADERS: &[&str] = &["name", "full name", "họ và tên", "họ tên", "tên"];
pub const ORGANIZATION_HEADERS: &[&str] = &[
    "organization",
    "organisation",
    "đơn vị",
    "tổ chức",
    "cơ quan",
    "nơi công tác",
];
pub const POSITION_HEADERS: &[&str] = &["position", "title", "job title", "chức vụ", "chức danh"];
pub const HONORIFIC_HEADERS: &[&str] = &["honorific", "danh xưng", "xưng hô", "ông/bà", "mr/ms"];
/// The delegate group, and (the old column) the meeting's chair or
/// secretary.
pub const ROLE_HEADERS: &[&str] = &["role", "vai trò"];
pub const GROUP_HEADERS: &[&str] = &[
    "group",
    "delegate group",
    "nhóm",
    "nhóm đại biểu",
    "thành phần",
];
/// Every contact column found is kept, joined: an address and a phone.
pub const CONTACT_HEADERS: &[&str] = &[
    "contact",
    "liên hệ",
    "address",
    "địa chỉ",
    "phone",
    "điện thoại",
    "số điện thoại",
    "email",
];
pub const ATTENDANCE_HEADERS: &[&str] = &["attendance", "điểm danh", "tham dự"];
/// A column ticked for those who came.
pub const PRESENT_HEADERS: &[&str] = &["có mặt", "present", "đã đến"];
pub const MEMBERS_HEADERS: &[&str] = &["members", "số người", "số thành viên", "group size"];
pub const REPRESENTATIVES_HEADERS: &[&str] = &[
    "representatives",
    "representative",
    "người đại diện",
    "đại diện",
];

/// Is `header` one of `names`?
pub fn is_header(header: &str, names: &[&str]) -> bool {
    let key = word_key(header);
    names.iter().any(|name| word_key(name) == key)
}

// ---- Values ---------------------------------------------------------------

/// One word of a role cell: a delegate group or a seat.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum RoleWord {
    Group(ParticipantRole),
    Seat(Seat),
}

const GROUP_WORDS: &[(ParticipantRole, &[&str])] = &[
    (
        ParticipantRole::Leadership,
        &[
            "leadership",
            "leaders",
            "lãnh đạo",
            "lãnh đạo sở",
            "ban giám đốc",
        ],
    ),
    (
        ParticipantRole::DivisionHead,
        &[
            "division head",
            "division heads",
            "specialised divisions",
            "specialized divisions",
            "lãnh đạo phòng",
            "lãnh đạo phòng, đơn vị",
            "phòng chuyên môn",
            "các phòng chuyên môn",
            "đơn vị chuyên môn",
        ],
    ),
    (
        ParticipantRole::ProcedureControlOfficer,
        &[
            "procedure control",
            "procedure control officer",
            "kiểm soát TTHC",
            "kiểm soát thủ tục hành chính",
            "công chức kiểm soát TTHC",
            "công chức kiểm soát thủ tục hành chính",
        ],
    ),
    (
        ParticipantRole::OneStopDesk,
        &["one-stop desk", "one stop", "bộ phận một cửa", "một cửa"],
    ),
    (
        ParticipantRole::OrganizationRepresentative,
        &[
            "organization",
            "organisation",
            "organization representative",
            "đại diện tổ chức",
            "tổ chức",
            "doanh nghiệp",
        ],
    ),
    (
        ParticipantRole::Citizen,
        &["citizen", "individual", "công dân", "cá nhân", "người dân"],
    ),
    (ParticipantRole::Guest, &["guest", "khách mời", "khách"]),
];

const SEAT_WORDS: &[(Seat, &[&str])] = &[
    (
        Seat::Chair,
        &["chair", "chairman", "chairperson", "chủ trì", "chủ tọa"],
    ),
    (
        Seat::Secretary,
        &["secretary", "minute taker", "thư ký", "thư ký hội nghị"],
    ),
];

const ATTENDANCE_WORDS: &[(Attendance, &[&str])] = &[
    (
        Attendance::Invited,
        &[
            "invited",
            "not checked in",
            "được mời",
            "chưa điểm danh",
            "chưa đến",
        ],
    ),
    (
        Attendance::Present,
        &["present", "checked in", "có mặt", "đã đến", "có"],
    ),
    (
        Attendance::AbsentWithNotice,
        &[
            "absent with notice",
            "excused",
            "vắng có lý do",
            "có lý do",
            "vắng có phép",
            "báo vắng",
        ],
    ),
    (
        Attendance::AbsentWithWrittenSubmission,
        &[
            "absent with written submission",
            "absent, wrote in",
            "wrote in",
            "written submission",
            "vắng, có văn bản",
            "vắng, có ý kiến bằng văn bản",
            "có ý kiến bằng văn bản",
            "có văn bản",
        ],
    ),
    (
        Attendance::Absent,
        &[
            "absent",
            "vắng",
            "vắng mặt",
            "không có mặt",
            "không tham dự",
        ],
    ),
];

/// What a ticked "có mặt" cell may hold.
const TICKS: &[&str] = &["x", "✓", "✔", "☑", "có", "yes", "y", "1", "true"];

const HONORIFIC_WORDS: &[(Honorific, &[&str])] = &[
    (Honorific::Mr, &["mr", "ông"]),
    (Honorific::Ms, &["ms", "mrs", "miss", "bà"]),
];

/// Every word of a table under its key.
fn table<T: Copy>(words: &[(T, &[&str])]) -> HashMap<String, T> {
    words
        .iter()
        .flat_map(|(value, names)| names.iter().map(|name| (word_key(name), *value)))
        .collect()
}

/// The words a role cell may hold: the groups (as gavel writes them, as the
/// console shows them, and as lists say them) and the seats.
fn role_words() -> &'static HashMap<String, RoleWord> {
    static WORDS: OnceLock<HashMap<String, RoleWord>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words: HashMap<String, RoleWord> = HashMap::new();
        for role in ParticipantRole::ALL {
            for name in [role.as_str(), role.label(Lang::En), role.label(Lang::Vi)] {
                words.insert(word_key(name), RoleWord::Group(*role));
            }
        }
        for (key, role) in table(GROUP_WORDS) {
            words.insert(key, RoleWord::Group(role));
        }
        // Seats last: "chair" was a group once, and now marks the chair.
        for (key, seat) in table(SEAT_WORDS) {
            words.insert(key, RoleWord::Seat(seat));
        }
        words
    })
}

fn attendance_words() -> &'static HashMap<String, Attendance> {
    static WORDS: OnceLock<HashMap<String, Attendance>> = OnceLock::new();
    WORDS.get_or_init(|| {
        let mut words = HashMap::new();
        for attendance in Attendance::ALL {
            for name in [
                attendance.as_str(),
                attendance.label(Lang::En),
                attendance.label(Lang::Vi),
            ] {
                words.insert(word_key(name), *attendance);
            }
        }
        words.extend(table(ATTENDANCE_WORDS));
        words
    })
}

/// A delegate group and whether the person is the meeting's chair or
/// secretary, from a role cell: "lãnh đạo", "chair", "thư ký", or both a
/// seat and a group ("thư ký, kiểm soát TTHC"; "secretary (procedure
/// control)"). `None` when a word is unknown or two groups or two seats are
/// given.
pub fn parse_role_cell(text: &str) -> Option<(Option<ParticipantRole>, Option<Seat>)> {
    let words = role_words();
    if let Some(word) = words.get(&word_key(text)) {
        return Some(match *word {
            RoleWord::Group(group) => (Some(group), None),
            RoleWord::Seat(seat) => (None, Some(seat)),
        });
    }
    let (mut group, mut seat) = (None, None);
    for part in text.split([',', ';', '/', '(', ')', '+', '&']) {
        if part.trim().is_empty() {
            continue;
        }
        match *words.get(&word_key(part))? {
            RoleWord::Group(g) if group.is_none() => group = Some(g),
            RoleWord::Seat(s) if seat.is_none() => seat = Some(s),
            _ => return None,
        }
    }
    (group.is_some() || seat.is_some()).then_some((group, seat))
}

/// A delegate group alone (a "group" column or key).
pub fn parse_group(text: &str) -> Option<ParticipantRole> {
    match parse_role_cell(text)? {
        (Some(group), None) => Some(group),
        _ => None,
    }
}

pub fn parse_attendance(text: &str) -> Option<Attendance> {
    parse_tick(text).or_else(|| attendance_words().get(&word_key(text)).copied())
}

/// A cell of a "có mặt" column: ticked means present; the attendance words
/// are understood there too ("vắng").
pub fn parse_present_cell(text: &str) -> Option<Attendance> {
    parse_attendance(text)
}

fn parse_tick(text: &str) -> Option<Attendance> {
    let text = text.trim();
    let folded = fold(text);
    TICKS
        .iter()
        .any(|tick| fold(tick) == folded)
        .then_some(Attendance::Present)
}

pub fn parse_honorific(text: &str) -> Option<Honorific> {
    let key = word_key(text);
    HONORIFIC_WORDS
        .iter()
        .find(|(_, names)| names.iter().any(|name| word_key(name) == key))
        .map(|(honorific, _)| *honorific)
}

/// A group's size: "12", or "12 người".
pub fn parse_members(text: &str) -> Option<u32> {
    let digits: String = text
        .trim()
        .chars()
        .take_while(char::is_ascii_digit)
        .collect();
    let rest = text.trim()[digits.len()..].trim();
    if digits.is_empty()
        || !(rest.is_empty() || matches!(word_key(rest).as_str(), "nguoi" | "people" | "persons"))
    {
        return None;
    }
    digits.parse().ok()
}

/// The words shown when a value is refused, in the user's language.
pub fn role_choices(lang: Lang) -> Vec<String> {
    ParticipantRole::ALL
        .iter()
        .map(|role| role_word(*role, lang).to_string())
        .chain([
            Seat::Chair.word(lang).into(),
            Seat::Secretary.word(lang).into(),
        ])
        .collect()
}

pub fn group_choices(lang: Lang) -> Vec<String> {
    ParticipantRole::ALL
        .iter()
        .map(|role| role_word(*role, lang).to_string())
        .collect()
}

fn role_word(role: ParticipantRole, lang: Lang) -> &'static str {
    match lang {
        Lang::En => role.as_str(),
        Lang::Vi => role.label(Lang::Vi),
    }
}

pub fn attendance_choices(lang: Lang) -> Vec<String> {
    match lang {
        Lang::En => vec![
            "present".into(),
            "absent with notice".into(),
            "absent, wrote in".into(),
            "absent".into(),
            "not checked in".into(),
        ],
        Lang::Vi => vec![
            "có mặt".into(),
            "vắng có lý do".into(),
            "vắng, có văn bản".into(),
            "vắng".into(),
            "chưa điểm danh".into(),
        ],
    }
}

pub fn present_choices(lang: Lang) -> Vec<String> {
    match lang {
        Lang::En => vec!["x".into(), "✓".into(), "yes".into(), "1".into()],
        Lang::Vi => vec!["x".into(), "✓".into(), "có".into(), "1".into()],
    }
}

pub fn honorific_choices(lang: Lang) -> Vec<String> {
    match lang {
        Lang::En => vec!["mr".into(), "ms".into()],
        Lang::Vi => vec!["Ông".into(), "Bà".into()],
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn role_cells_give_a_group_a_seat_or_both() {
        use ParticipantRole as R;
        assert_eq!(
            parse_role_cell("Lãnh đạo"),
            Some((Some(R::Leadership), None))
        );
        assert_eq!(
            parse_role_cell("lanh dao phong"),
            Some((Some(R::DivisionHead), None))
        );
        assert_eq!(
            parse_role_cell("division-head"),
            Some((Some(R::DivisionHead), None))
        );
        assert_eq!(parse_role_cell("chủ trì"), Some((None, Some(Seat::Chair))));
        assert_eq!(parse_role_cell("CHAIR"), Some((None, Some(Seat::Chair))));
        assert_eq!(
            parse_role_cell("Thư ký"),
            Some((None, Some(Seat::Secretary)))
        );
        assert_eq!(
            parse_role_cell("thư ký (kiểm soát TTHC)"),
            Some((Some(R::ProcedureControlOfficer), Some(Seat::Secretary)))
        );
        assert_eq!(parse_role_cell("thư ký, chủ trì"), None);
        assert_eq!(parse_role_cell("vua"), None);
        assert_eq!(parse_group("thư ký"), None);
    }

    #[test]
    fn attendance_in_every_form_a_list_writes_it() {
        use Attendance::*;
        for (text, wanted) in [
            ("có mặt", Present),
            ("Co mat", Present),
            ("x", Present),
            ("✓", Present),
            ("Vắng có lý do", AbsentWithNotice),
            ("vắng, có lý do", AbsentWithNotice),
            ("vắng, có văn bản", AbsentWithWrittenSubmission),
            (
                "absent-with-written-submission",
                AbsentWithWrittenSubmission,
            ),
            ("vắng", Absent),
            ("chưa điểm danh", Invited),
        ] {
            assert_eq!(parse_attendance(text), Some(wanted), "{text}");
        }
        assert_eq!(parse_attendance("có lẽ"), None);
    }

    #[test]
    fn honorifics_and_sizes() {
        assert_eq!(parse_honorific("Ông"), Some(Honorific::Mr));
        assert_eq!(parse_honorific("bà"), Some(Honorific::Ms));
        assert_eq!(parse_honorific("Ms."), Some(Honorific::Ms));
        assert_eq!(parse_honorific("cô"), None);
        assert_eq!(parse_members("12"), Some(12));
        assert_eq!(parse_members("12 người"), Some(12));
        assert_eq!(parse_members("mười"), None);
        assert_eq!(parse_members("12 con"), None);
    }
}
