//! The console's words in English and Vietnamese. Every text is a field of
//! `Texts` (or an arm of an exhaustive `match`), so a language missing one
//! does not compile.

use crate::domain::*;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    En,
    Vi,
}

impl Lang {
    /// From `--lang`, else the locale (LC_ALL, LC_MESSAGES, LANG).
    pub fn from_env() -> Lang {
        ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|var| std::env::var(var).ok())
            .find(|value| !value.is_empty())
            .map_or(Lang::En, |value| {
                if value.starts_with("vi") {
                    Lang::Vi
                } else {
                    Lang::En
                }
            })
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Vi => &VI,
        }
    }
}

/// Fills `{}` placeholders in order.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut values = values.iter();
    let mut rest = template;
    while let Some(at) = rest.find("{}") {
        out.push_str(&rest[..at]);
        out.push_str(values.next().copied().unwrap_or(""));
        rest = &rest[at + 2..];
    }
    out.push_str(rest);
    out
}

pub struct Texts {
    pub agenda: &'static str,
    pub speakers: &'static str,
    pub issues: &'static str,
    pub actions: &'static str,
    pub elapsed: &'static str,
    pub not_started: &'static str,
    pub no_active_item: &'static str,
    pub nobody_speaking: &'static str,
    pub left: &'static str,
    pub over: &'static str,
    pub paused: &'static str,
    pub queue_closed: &'static str,
    pub first_time: &'static str,
    pub total: &'static str,
    pub waiting: &'static str,
    pub forecast_end: &'static str,
    pub minutes_short: &'static str,
    pub you_are: &'static str,
    pub saved: &'static str,
    pub nothing_saved_yet: &'static str,
    pub help_hint: &'static str,
    pub too_small: &'static str,
    pub empty_list: &'static str,
    pub search: &'static str,
    pub filter: &'static str,
    pub help_title: &'static str,
    pub help_global: &'static str,
    pub help_forms: &'static str,
    pub help_close: &'static str,
    pub yes_no: &'static str,
    pub form_hints: &'static str,
    pub form_hints_multiline: &'static str,
    pub new_person: &'static str,
    pub due: &'static str,
    pub overdue: &'static str,
    pub reply_by: &'static str,
    pub to: &'static str,
    // Form titles
    pub form_new_agenda: &'static str,
    pub form_edit_agenda: &'static str,
    pub form_new_request: &'static str,
    pub form_edit_request: &'static str,
    pub form_new_issue: &'static str,
    pub form_edit_issue: &'static str,
    pub form_answer: &'static str,
    pub form_new_action: &'static str,
    pub form_edit_action: &'static str,
    // Field labels
    pub f_title: &'static str,
    pub f_planned_minutes: &'static str,
    pub f_presenter: &'static str,
    pub f_who: &'static str,
    pub f_kind: &'static str,
    pub f_topic: &'static str,
    pub f_raised_by: &'static str,
    pub f_source: &'static str,
    pub f_category: &'static str,
    pub f_field: &'static str,
    pub f_procedure: &'static str,
    pub f_text: &'static str,
    pub f_answer: &'static str,
    pub f_disposition: &'static str,
    pub f_escalated_to: &'static str,
    pub f_reply_due: &'static str,
    pub f_owner: &'static str,
    pub f_issue: &'static str,
    pub f_due: &'static str,
    pub f_status: &'static str,
    pub f_completion_ref: &'static str,
    // Messages ({} are filled in order)
    pub msg_floor_to: &'static str,
    pub msg_speaker_done: &'static str,
    pub msg_saved_entry: &'static str,
    pub msg_undone: &'static str,
    pub msg_nothing_to_undo: &'static str,
    pub msg_not_allowed: &'static str,
    pub msg_read_only: &'static str,
    pub msg_refused: &'static str,
    pub msg_write_failed: &'static str,
    pub msg_not_a_number: &'static str,
    pub msg_not_a_date: &'static str,
    pub msg_nothing_selected: &'static str,
    pub msg_cannot_edit_row: &'static str,
    pub msg_paste_ignored: &'static str,
    pub msg_form_restored: &'static str,
    pub msg_conflict: &'static str,
    pub msg_took_theirs: &'static str,
    pub also_here: &'static str,
    pub snapshot_only: &'static str,
    pub typing_issue: &'static str,
    pub typing_answer: &'static str,
    pub typing_other: &'static str,
    pub confirm_adjourn: &'static str,
    pub confirm_approve: &'static str,
    pub confirm_correction: &'static str,
    pub msg_correction_form: &'static str,
    pub approved: &'static str,
    pub form_close_issue: &'static str,
    pub f_closed_on: &'static str,
    pub stats_by_person: &'static str,
    pub stats_by_organization: &'static str,
    pub stats_by_field: &'static str,
    pub stats_by_disposition: &'static str,
    pub stats_agenda: &'static str,
    pub stats_none: &'static str,
    pub review_entry: &'static str,
    pub review_keys: &'static str,
    pub msg_kept_for_retry: &'static str,
    pub msg_retried: &'static str,
    pub confirm_unsaved: &'static str,
    pub confirm_withdraw_request: &'static str,
    pub confirm_skip_item: &'static str,
    pub confirm_withdraw_issue: &'static str,
    pub confirm_cancel_action: &'static str,
    // The hall display (what the room sees on the projector)
    pub hall_next: &'static str,
    pub hall_nobody_waiting: &'static str,
    pub hall_nobody_speaking: &'static str,
    pub hall_no_item: &'static str,
    pub hall_queue_closed: &'static str,
    pub hall_leave: &'static str,
}

pub static EN: Texts = Texts {
    agenda: "Agenda",
    speakers: "Speakers",
    issues: "Issues",
    actions: "Actions",
    elapsed: "elapsed",
    not_started: "not started",
    no_active_item: "no agenda item active",
    nobody_speaking: "nobody has the floor",
    left: "left",
    over: "over",
    paused: "paused",
    queue_closed: "list of speakers closed",
    first_time: "first",
    total: "total",
    waiting: "waiting",
    forecast_end: "forecast end",
    minutes_short: "min",
    you_are: "you",
    saved: "saved",
    nothing_saved_yet: "nothing saved yet",
    help_hint: "? help",
    too_small: "Terminal too small: gavel needs at least {}×{} (now {}×{}).",
    empty_list: "(empty)",
    search: "search",
    filter: "filter",
    help_title: "Keys",
    help_global: "Anywhere",
    help_forms: "In a form",
    help_close: "Esc or ? closes this help",
    yes_no: "y = yes · n/Esc = no",
    form_hints: "Enter save · Tab next field · Esc cancel",
    form_hints_multiline: "Ctrl-S save · Enter new line · Tab next field · Esc cancel",
    new_person: "new participant",
    due: "due",
    overdue: "overdue",
    reply_by: "reply by",
    to: "to",
    form_new_agenda: "New agenda item",
    form_edit_agenda: "Edit agenda item",
    form_new_request: "Request for the floor",
    form_edit_request: "Edit request for the floor",
    form_new_issue: "Log an issue",
    form_edit_issue: "Edit issue",
    form_answer: "Answer and disposition",
    form_new_action: "Assign an action",
    form_edit_action: "Edit action",
    f_title: "Title",
    f_planned_minutes: "Planned minutes",
    f_presenter: "Presenter",
    f_who: "Who",
    f_kind: "Kind",
    f_topic: "Topic",
    f_raised_by: "Raised by",
    f_source: "Source",
    f_category: "Category",
    f_field: "Field",
    f_procedure: "Procedure",
    f_text: "Text",
    f_answer: "Answer",
    f_disposition: "Disposition",
    f_escalated_to: "Escalated to",
    f_reply_due: "Reply due",
    f_owner: "Owner",
    f_issue: "Issue no.",
    f_due: "Due date",
    f_status: "Status",
    f_completion_ref: "Reference",
    msg_floor_to: "The floor goes to {}",
    msg_speaker_done: "{} has finished; the list is empty",
    msg_saved_entry: "Saved (#{})",
    msg_undone: "Undone: entry #{}",
    msg_nothing_to_undo: "Nothing of yours to undo",
    msg_not_allowed: "A {} may not do that ({})",
    msg_read_only: "Observer: this console changes nothing",
    msg_refused: "Refused: {}",
    msg_write_failed: "NOT SAVED: {}",
    msg_not_a_number: "{}: not a number",
    msg_not_a_date: "{}: not a date (dd/mm/yyyy)",
    msg_nothing_selected: "Nothing selected",
    msg_cannot_edit_row: "This row cannot be changed",
    msg_paste_ignored: "Open a form (a, i) before pasting",
    msg_form_restored: "Your unfinished form is back, as you left it",
    msg_conflict: "Changed by {} since you opened it ({}): k keep yours · t take theirs · Esc back",
    msg_took_theirs: "Kept the version of {}; your edit is dropped",
    also_here: "also here",
    snapshot_only: "read-only snapshot, no live updates",
    typing_issue: "{} is typing an issue…",
    typing_answer: "{} is typing an answer…",
    typing_other: "{} is typing…",
    confirm_adjourn: "End the meeting now? The active item and the speaker end too.",
    confirm_approve: "Approve the minutes? Later changes will be recorded as corrections.",
    confirm_correction: "The minutes are approved: record this as a correction?",
    msg_correction_form: "The minutes are approved: save again to record this as a correction",
    approved: "minutes approved",
    form_close_issue: "Close the issue (reply letter)",
    f_closed_on: "Closed on",
    stats_by_person: "Speaking time per participant (min:s)",
    stats_by_organization: "Speaking time per organization (min:s)",
    stats_by_field: "Issues per field",
    stats_by_disposition: "Issues per disposition",
    stats_agenda: "Agenda: actual / planned minutes",
    stats_none: "(none)",
    review_entry: "entry",
    review_keys: "← → step · [ ] ×10 · { } first/last · s statistics",
    msg_kept_for_retry: "NOT SAVED ({}): kept, trying again",
    msg_retried: "Saved what was waiting ({} changes)",
    confirm_unsaved: "{} changes are not saved yet. y: write them to a recovery file and quit · n: stay and keep trying",
    confirm_withdraw_request: "Withdraw the request of {}?",
    confirm_skip_item: "Skip agenda item “{}”?",
    confirm_withdraw_issue: "Mark issue {} as withdrawn?",
    confirm_cancel_action: "Cancel action “{}”?",
    hall_next: "Next",
    hall_nobody_waiting: "Nobody is waiting for the floor",
    hall_nobody_speaking: "Nobody has the floor",
    hall_no_item: "No agenda item under way",
    hall_queue_closed: "The list of speakers is closed",
    hall_leave: "q to leave",
};

pub static VI: Texts = Texts {
    agenda: "Chương trình",
    speakers: "Phát biểu",
    issues: "Phản ánh, kiến nghị",
    actions: "Phân công",
    elapsed: "đã họp",
    not_started: "chưa bắt đầu",
    no_active_item: "chưa vào mục nào",
    nobody_speaking: "chưa có ai phát biểu",
    left: "còn",
    over: "quá giờ",
    paused: "tạm dừng",
    queue_closed: "đã khóa danh sách phát biểu",
    first_time: "lần đầu",
    total: "tổng",
    waiting: "chờ",
    forecast_end: "dự kiến kết thúc",
    minutes_short: "phút",
    you_are: "bạn",
    saved: "đã lưu",
    nothing_saved_yet: "chưa lưu gì",
    help_hint: "? trợ giúp",
    too_small: "Cửa sổ quá nhỏ: gavel cần ít nhất {}×{} (hiện {}×{}).",
    empty_list: "(trống)",
    search: "tìm",
    filter: "lọc",
    help_title: "Phím tắt",
    help_global: "Mọi nơi",
    help_forms: "Trong biểu mẫu",
    help_close: "Esc hoặc ? để đóng",
    yes_no: "y = đồng ý · n/Esc = không",
    form_hints: "Enter lưu · Tab sang ô sau · Esc hủy",
    form_hints_multiline: "Ctrl-S lưu · Enter xuống dòng · Tab sang ô sau · Esc hủy",
    new_person: "đại biểu mới",
    due: "hạn",
    overdue: "quá hạn",
    reply_by: "trả lời trước",
    to: "gửi",
    form_new_agenda: "Thêm mục chương trình",
    form_edit_agenda: "Sửa mục chương trình",
    form_new_request: "Đăng ký phát biểu",
    form_edit_request: "Sửa đăng ký phát biểu",
    form_new_issue: "Ghi phản ánh, kiến nghị",
    form_edit_issue: "Sửa phản ánh, kiến nghị",
    form_answer: "Trả lời và hướng xử lý",
    form_new_action: "Phân công thực hiện",
    form_edit_action: "Sửa phân công",
    f_title: "Tiêu đề",
    f_planned_minutes: "Số phút dự kiến",
    f_presenter: "Người trình bày",
    f_who: "Người phát biểu",
    f_kind: "Loại",
    f_topic: "Nội dung",
    f_raised_by: "Người nêu",
    f_source: "Hình thức",
    f_category: "Loại",
    f_field: "Lĩnh vực",
    f_procedure: "Thủ tục",
    f_text: "Nội dung",
    f_answer: "Trả lời",
    f_disposition: "Hướng xử lý",
    f_escalated_to: "Chuyển đến",
    f_reply_due: "Hạn trả lời",
    f_owner: "Người thực hiện",
    f_issue: "Số PAKN",
    f_due: "Hạn",
    f_status: "Trạng thái",
    f_completion_ref: "Số văn bản",
    msg_floor_to: "Mời {} phát biểu",
    msg_speaker_done: "{} đã phát biểu xong; danh sách trống",
    msg_saved_entry: "Đã lưu (#{})",
    msg_undone: "Đã hoàn tác mục #{}",
    msg_nothing_to_undo: "Không có thay đổi nào của bạn để hoàn tác",
    msg_not_allowed: "Vai trò {} không được làm việc này ({})",
    msg_read_only: "Người theo dõi: không thay đổi được gì",
    msg_refused: "Không thực hiện được: {}",
    msg_write_failed: "CHƯA LƯU: {}",
    msg_not_a_number: "{}: không phải là số",
    msg_not_a_date: "{}: không phải ngày (dd/mm/yyyy)",
    msg_nothing_selected: "Chưa chọn dòng nào",
    msg_cannot_edit_row: "Không sửa được dòng này",
    msg_paste_ignored: "Hãy mở biểu mẫu (a, i) trước khi dán",
    msg_form_restored: "Biểu mẫu đang nhập dở đã được khôi phục",
    msg_conflict: "{} vừa sửa dòng này sau khi bạn mở ({}): k giữ bản của bạn · t lấy bản của họ · Esc quay lại",
    msg_took_theirs: "Đã giữ bản của {}; bản sửa của bạn bị bỏ",
    also_here: "cùng họp",
    snapshot_only: "bản chụp chỉ đọc, không cập nhật trực tiếp",
    typing_issue: "{} đang ghi phản ánh…",
    typing_answer: "{} đang ghi trả lời…",
    typing_other: "{} đang nhập…",
    confirm_adjourn: "Kết thúc cuộc họp ngay? Mục đang diễn ra và người đang phát biểu cũng kết thúc.",
    confirm_approve: "Thông qua biên bản? Thay đổi sau đó sẽ được ghi là đính chính.",
    confirm_correction: "Biên bản đã được thông qua: ghi thay đổi này là đính chính?",
    msg_correction_form: "Biên bản đã được thông qua: lưu lần nữa để ghi là đính chính",
    approved: "biên bản đã thông qua",
    form_close_issue: "Đóng PAKN (văn bản trả lời)",
    f_closed_on: "Ngày đóng",
    stats_by_person: "Thời gian phát biểu theo đại biểu (phút:giây)",
    stats_by_organization: "Thời gian phát biểu theo tổ chức (phút:giây)",
    stats_by_field: "PAKN theo lĩnh vực",
    stats_by_disposition: "PAKN theo hướng xử lý",
    stats_agenda: "Chương trình: phút thực tế / dự kiến",
    stats_none: "(không có)",
    review_entry: "mục",
    review_keys: "← → từng mục · [ ] ×10 · { } đầu/cuối · s thống kê",
    msg_kept_for_retry: "CHƯA LƯU ({}): đang giữ lại và thử lại",
    msg_retried: "Đã lưu các thay đổi đang chờ ({})",
    confirm_unsaved: "{} thay đổi chưa được lưu. y: ghi ra tệp khôi phục rồi thoát · n: ở lại và tiếp tục thử",
    confirm_withdraw_request: "Rút đăng ký phát biểu của {}?",
    confirm_skip_item: "Bỏ qua mục “{}”?",
    confirm_withdraw_issue: "Đánh dấu PAKN số {} là rút lại?",
    confirm_cancel_action: "Hủy phân công “{}”?",
    hall_next: "Tiếp theo",
    hall_nobody_waiting: "Chưa có ai đăng ký phát biểu",
    hall_nobody_speaking: "Chưa có ai phát biểu",
    hall_no_item: "Chưa vào mục nào của chương trình",
    hall_queue_closed: "Đã khóa danh sách phát biểu",
    hall_leave: "q: thoát",
};

/// Words for the record's values, in each language.
pub trait Label {
    fn label(&self, lang: Lang) -> &'static str;
}

macro_rules! labels {
    ($type:ty { $($variant:path => ($en:literal, $vi:literal)),+ $(,)? }) => {
        impl Label for $type {
            fn label(&self, lang: Lang) -> &'static str {
                let (en, vi) = match self {
                    $($variant => ($en, $vi)),+
                };
                match lang {
                    Lang::En => en,
                    Lang::Vi => vi,
                }
            }
        }
    };
}

labels!(Role {
    Role::Chair => ("chair", "chủ trì"),
    Role::Secretary => ("secretary", "thư ký"),
    Role::Observer => ("observer", "theo dõi"),
});

labels!(RequestKind {
    RequestKind::Normal => ("normal", "thường"),
    RequestKind::Reply => ("reply", "trả lời"),
    RequestKind::PointOfOrder => ("point of order", "về trình tự"),
});

labels!(Disposition {
    Disposition::Open => ("open", "chưa xử lý"),
    Disposition::Answered => ("answered", "đã trả lời"),
    Disposition::WrittenReplyRequired => ("written reply", "trả lời bằng văn bản"),
    Disposition::Escalated => ("escalated", "chuyển cấp trên"),
    Disposition::Redirected => ("redirected", "chuyển cơ quan khác"),
    Disposition::Withdrawn => ("withdrawn", "rút lại"),
});

labels!(IssueCategory {
    IssueCategory::Question => ("question", "câu hỏi"),
    IssueCategory::Difficulty => ("difficulty", "phản ánh"),
    IssueCategory::Recommendation => ("recommendation", "kiến nghị"),
    IssueCategory::Initiative => ("initiative", "sáng kiến"),
});

labels!(IssueSource {
    IssueSource::Floor => ("from the floor", "tại hội nghị"),
    IssueSource::WrittenSubmission => ("written submission", "bằng văn bản"),
});

labels!(ActionStatus {
    ActionStatus::Open => ("open", "chưa làm"),
    ActionStatus::InProgress => ("in progress", "đang làm"),
    ActionStatus::Done => ("done", "xong"),
    ActionStatus::Cancelled => ("cancelled", "đã hủy"),
});

labels!(AgendaStatus {
    AgendaStatus::Pending => ("pending", "chờ"),
    AgendaStatus::Active => ("active", "đang diễn ra"),
    AgendaStatus::Done => ("done", "xong"),
    AgendaStatus::Skipped => ("skipped", "bỏ qua"),
});

labels!(ParticipantRole {
    ParticipantRole::Citizen => ("citizen", "công dân"),
    ParticipantRole::OrganizationRepresentative => ("organization", "đại diện tổ chức"),
    ParticipantRole::Chair => ("chair", "chủ trì"),
    ParticipantRole::DivisionHead => ("division head", "lãnh đạo phòng"),
    ParticipantRole::ProcedureControlOfficer => ("procedure control", "kiểm soát TTHC"),
    ParticipantRole::OneStopDesk => ("one-stop desk", "bộ phận một cửa"),
    ParticipantRole::Guest => ("guest", "khách mời"),
});

labels!(Attendance {
    Attendance::Invited => ("invited", "được mời"),
    Attendance::Present => ("present", "có mặt"),
    Attendance::AbsentWithWrittenSubmission => ("absent, wrote in", "vắng, có văn bản"),
    Attendance::Absent => ("absent", "vắng"),
});

/// A refusal from the record's rules, in the console's language.
pub fn domain_error(lang: Lang, error: &DomainError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        DomainError::NotCreated => "cuộc họp chưa được tạo".into(),
        DomainError::AlreadyCreated => "cuộc họp đã tồn tại".into(),
        DomainError::Empty(what) => format!("chưa nhập {}", vi_field(what)),
        DomainError::Invalid(what) => format!("giá trị không hợp lệ: {}", vi_field(what)),
        DomainError::NotFound { kind, id } => format!("không tìm thấy {} (#{id})", vi_field(kind)),
        DomainError::QueueEmpty => "danh sách phát biểu đang trống".into(),
        DomainError::QueueClosed => "danh sách phát biểu đã khóa".into(),
        DomainError::NoSpeaker => "chưa có ai đang phát biểu".into(),
        DomainError::NoActiveItem => "chưa có mục chương trình nào đang diễn ra".into(),
        DomainError::AlreadyWaiting { who } => format!("{who} đã có trong danh sách chờ"),
        DomainError::NotNow { action, reason } => format!("không thể {action}: {reason}"),
        DomainError::DueBeforeMeeting { due, meeting_day } => format!(
            "hạn {} trước ngày họp {}",
            due.format("%d/%m/%Y"),
            meeting_day.format("%d/%m/%Y")
        ),
        DomainError::Conflict { .. } => "người khác vừa sửa dòng này sau khi bạn mở".into(),
        DomainError::CannotUndo(reason) => format!("không hoàn tác được: {reason}"),
    }
}

/// The Vietnamese for the field names `DomainError` carries.
fn vi_field(what: &str) -> &str {
    match what {
        "the meeting's title" => "tiêu đề cuộc họp",
        "the participant's name" => "tên đại biểu",
        "the agenda item's title" => "tiêu đề mục chương trình",
        "the issue's text" => "nội dung phản ánh, kiến nghị",
        "the action's title" => "nội dung công việc",
        "the action's owner" => "người thực hiện",
        "the authority the issue is escalated to" => "cơ quan được chuyển đến",
        "the time to add" => "thời gian thêm",
        "the UTC offset" => "múi giờ",
        "the speaking time limit" => "thời gian phát biểu",
        "participant" => "đại biểu",
        "agenda item" => "mục chương trình",
        "request for the floor" => "đăng ký phát biểu",
        "issue" => "phản ánh, kiến nghị",
        "action" => "phân công",
        other => other,
    }
}

/// A few letters for a disposition, for narrow rows.
pub fn short_disposition(disposition: Disposition, lang: Lang) -> &'static str {
    let (en, vi) = match disposition {
        Disposition::Open => ("open", "chờ"),
        Disposition::Answered => ("answered", "đã TL"),
        Disposition::WrittenReplyRequired => ("written", "TL v.bản"),
        Disposition::Escalated => ("escalated", "cấp trên"),
        Disposition::Redirected => ("redirected", "chuyển"),
        Disposition::Withdrawn => ("withdrawn", "rút"),
    };
    match lang {
        Lang::En => en,
        Lang::Vi => vi,
    }
}

/// A short tag for a request's kind in the queue ("" for a normal one).
pub fn kind_tag(kind: RequestKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RequestKind::Normal, _) => "",
        (RequestKind::Reply, Lang::En) => "[reply] ",
        (RequestKind::Reply, Lang::Vi) => "[trả lời] ",
        (RequestKind::PointOfOrder, Lang::En) => "[point of order] ",
        (RequestKind::PointOfOrder, Lang::Vi) => "[trình tự] ",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill("{} gives {} s", &["An", "30"]), "An gives 30 s");
        assert_eq!(fill("no holes", &["x"]), "no holes");
    }
}
