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

/// The language the locale asks for, as gettext reads it: the first of
/// `LC_ALL`, `LC_MESSAGES`, `LANG` that is set gives the locale; unless that
/// locale is `C` or `POSIX`, `LANGUAGE` (a list such as `vi:en`) comes
/// first, its first language gavel has deciding. `None` when nothing is
/// set.
pub fn locale_lang(env: &dyn Fn(&str) -> Option<String>) -> Option<Lang> {
    locale_choice(env).map(|(lang, _, _)| lang)
}

/// `locale_lang`, with the variable that decided and its value (for
/// `gavel doctor`).
pub fn locale_choice(env: &dyn Fn(&str) -> Option<String>) -> Option<(Lang, &'static str, String)> {
    let of = |name: &str| -> Option<Lang> {
        match name.get(..2) {
            Some("vi") => Some(Lang::Vi),
            Some("en") => Some(Lang::En),
            _ => None,
        }
    };
    let (var, locale) = ["LC_ALL", "LC_MESSAGES", "LANG"]
        .into_iter()
        .filter_map(|var| env(var).map(|value| (var, value)))
        .find(|(_, value)| !value.is_empty())?;
    let plain = ["C", "POSIX"].contains(&locale.split('.').next().unwrap_or(""));
    let listed = env("LANGUAGE")
        .filter(|_| !plain)
        .and_then(|list| list.split(':').find_map(of).map(|lang| (lang, list)));
    Some(match listed {
        Some((lang, list)) => (lang, "LANGUAGE", list),
        None => (of(&locale).unwrap_or(Lang::En), var, locale),
    })
}

impl Lang {
    /// The language of the process's locale (`locale_lang`), else English.
    pub fn from_env() -> Lang {
        locale_lang(&|var| std::env::var(var).ok()).unwrap_or(Lang::En)
    }

    /// The English or the Vietnamese of a pair.
    pub fn pick<'a>(self, en: &'a str, vi: &'a str) -> &'a str {
        match self {
            Lang::En => en,
            Lang::Vi => vi,
        }
    }

    pub fn texts(self) -> &'static Texts {
        match self {
            Lang::En => &EN,
            Lang::Vi => &VI,
        }
    }
}

/// Whether a text is written in Vietnamese: it has letters only Vietnamese
/// uses (ă â đ ê ô ơ ư, or a vowel with a tone mark from the Latin Extended
/// Additional block).
pub fn looks_vietnamese(text: &str) -> bool {
    text.chars()
        .any(|c| "ăâđêôơưĂÂĐÊÔƠƯ".contains(c) || ('\u{1EA0}'..='\u{1EF9}').contains(&c))
}

/// Fills a text's placeholders: `{}` in order, `{N}` by number, and
/// `{N:one|many}` with the English word for value N's count.
pub fn fill(template: &str, values: &[&str]) -> String {
    let mut out = String::with_capacity(template.len() + 16);
    let mut next = 0;
    let mut rest = template;
    while let Some(open) = rest.find('{') {
        out.push_str(&rest[..open]);
        let after = &rest[open + 1..];
        let Some(close) = after.find('}') else {
            out.push_str(&rest[open..]);
            return out;
        };
        match placeholder(&after[..close], values, &mut next) {
            Some(text) => out.push_str(text),
            // Not a placeholder: the braces are text.
            None => out.push_str(&rest[open..open + close + 2]),
        }
        rest = &after[close + 1..];
    }
    out.push_str(rest);
    out
}

/// What a placeholder stands for: `{}` the next value; `{N}` value N;
/// `{N:one|many}` the word for value N's count (English's plural: "one"
/// for 1, "many" otherwise; Vietnamese words do not change). `None` when
/// the braces hold something else.
fn placeholder<'v>(inside: &'v str, values: &[&'v str], next: &mut usize) -> Option<&'v str> {
    if inside.is_empty() {
        *next += 1;
        return Some(values.get(*next - 1).copied().unwrap_or(""));
    }
    let (index, forms) = match inside.split_once(':') {
        Some((index, forms)) => (index, Some(forms)),
        None => (inside, None),
    };
    let value = values
        .get(index.parse::<usize>().ok()?)
        .copied()
        .unwrap_or("");
    match forms {
        None => Some(value),
        Some(forms) => {
            let (one, many) = forms.split_once('|')?;
            Some(if value == "1" { one } else { many })
        }
    }
}

/// Declares `Texts` and its two instances from one table, English and
/// Vietnamese side by side: a text missing in one language does not compile,
/// and `Texts::entries` lets a test look at them all.
macro_rules! texts {
    ($($name:ident: ($en:expr, $vi:expr)),+ $(,)?) => {
        pub struct Texts {
            $(pub $name: &'static str,)+
        }

        pub static EN: Texts = Texts { $($name: $en,)+ };
        pub static VI: Texts = Texts { $($name: $vi,)+ };

        impl Texts {
            /// Every text with its name.
            pub fn entries(&self) -> Vec<(&'static str, &'static str)> {
                vec![$((stringify!($name), self.$name)),+]
            }
        }
    };
}

texts! {
    agenda: ("Agenda", "Chương trình"),
    speakers: ("Speakers", "Phát biểu"),
    issues: ("Issues", "Phản ánh, kiến nghị"),
    actions: ("Actions", "Phân công"),
    elapsed: ("elapsed", "đã họp"),
    not_started: ("not started", "chưa bắt đầu"),
    ended_at: ("ended at {}", "đã kết thúc lúc {}"),
    meeting_ended: ("no more turns at the floor, no more agenda items", "không còn mời phát biểu hay chuyển mục"),
    no_active_item: ("no agenda item active", "chưa vào mục nào"),
    nobody_speaking: ("nobody has the floor", "chưa có ai phát biểu"),
    left: ("left", "còn"),
    over: ("over", "quá giờ"),
    paused: ("paused", "tạm dừng"),
    queue_closed: ("list of speakers closed", "đã khóa danh sách phát biểu"),
    first_time: ("first", "lần đầu"),
    total: ("total", "tổng"),
    waiting: ("waiting", "chờ"),
    forecast_end: ("forecast end", "dự kiến kết thúc"),
    minutes_short: ("min", "phút"),
    you_are: ("you", "bạn"),
    saved: ("saved", "đã lưu"),
    help_hint: ("? help", "? trợ giúp"),
    too_small: ("Terminal too small: gavel needs at least {}×{} (now {}×{}).", "Cửa sổ quá nhỏ: gavel cần ít nhất {}×{} (hiện {}×{})."),
    cli_action_already_done: ("action A{} is already done, with reply {}: the reference is kept, nothing written", "phân công A{} đã xong, đã có văn bản trả lời số {}: giữ nguyên số văn bản, không ghi gì"),
    empty_list: ("(empty)", "(trống)"),
    filter: ("filter", "lọc"),
    help_title: ("Keys", "Phím tắt"),
    help_global: ("Anywhere", "Mọi nơi"),
    help_forms: ("In a form", "Trong biểu mẫu"),
    help_review: ("Review (read-only)", "Xem lại (chỉ đọc)"),
    new_person: ("new participant", "đại biểu mới"),
    due: ("due", "hạn"),
    overdue: ("overdue", "quá hạn"),
    to: ("to", "gửi"),
    form_new_agenda: ("New agenda item", "Thêm mục chương trình"),
    form_edit_agenda: ("Edit agenda item", "Sửa mục chương trình"),
    form_new_request: ("Request for the floor", "Đăng ký phát biểu"),
    form_edit_request: ("Edit request for the floor", "Sửa đăng ký phát biểu"),
    form_new_issue: ("Log an issue", "Ghi phản ánh, kiến nghị"),
    form_edit_issue: ("Edit issue", "Sửa phản ánh, kiến nghị"),
    form_written_issue: ("Log a written submission", "Ghi ý kiến bằng văn bản"),
    form_answer: ("Answer and disposition", "Trả lời và hướng xử lý"),
    form_answer_issue: ("Answer to issue {}", "Trả lời ý kiến số {}"),
    form_edit_issue_no: ("Edit issue {}", "Sửa ý kiến số {}"),
    form_close_issue_no: ("Close issue {} (reply letter)", "Đóng ý kiến số {} (văn bản trả lời)"),
    form_action_for_issue: ("Assign an action for issue {}", "Phân công xử lý ý kiến số {}"),
    form_new_action: ("Assign an action", "Phân công thực hiện"),
    form_edit_action: ("Edit action", "Sửa phân công"),
    f_title: ("Title", "Tiêu đề"),
    f_planned_minutes: ("Planned minutes", "Số phút dự kiến"),
    f_presenter: ("Presenter", "Người trình bày"),
    f_who: ("Who", "Người phát biểu"),
    f_kind: ("Kind", "Loại"),
    f_topic: ("Topic", "Nội dung"),
    f_raised_by: ("Raised by", "Người nêu"),
    f_source: ("Source", "Hình thức"),
    f_category: ("Category", "Loại"),
    f_field: ("Field", "Lĩnh vực"),
    f_procedure: ("Procedure", "Thủ tục"),
    f_text: ("Text", "Nội dung"),
    f_answer: ("Answer", "Trả lời"),
    f_disposition: ("Disposition", "Hướng xử lý"),
    f_escalated_to: ("Escalated to", "Chuyển đến"),
    f_reply_due: ("Reply due", "Hạn trả lời"),
    f_owner: ("Owner", "Người thực hiện"),
    f_issue: ("Issue no.", "Số PAKN"),
    f_due: ("Due date", "Hạn"),
    f_status: ("Status", "Trạng thái"),
    f_completion_ref: ("Reference", "Số văn bản"),
    msg_floor_to: ("The floor goes to {}", "Mời {} phát biểu"),
    msg_speaker_done: ("{} has finished; the list is empty", "{} đã phát biểu xong; danh sách trống"),
    msg_saved_entry: ("Saved (#{})", "Đã lưu (#{})"),
    msg_undone: ("Undone: entry #{}", "Đã hoàn tác mục #{}"),
    msg_nothing_to_undo: ("Nothing of yours to undo", "Không có thay đổi nào của bạn để hoàn tác"),
    msg_not_allowed: ("A {} may not do that ({})", "Vai trò {} không được làm việc này ({})"),
    msg_read_only: ("Observer: this console changes nothing", "Người theo dõi: không thay đổi được gì"),
    msg_refused: ("Refused: {}", "Không thực hiện được: {}"),
    msg_write_failed: ("NOT SAVED: {}", "CHƯA LƯU: {}"),
    msg_paper_written: ("Written: {}", "Đã ghi văn bản: {}"),
    msg_paper_failed: ("Document not written: {}", "Chưa ghi được văn bản: {}"),
    papers_title: ("Write a document beside the meeting file", "Xuất văn bản, ghi cạnh tệp cuộc họp"),
    msg_not_a_number: ("{}: not a number", "{}: không phải là số"),
    msg_not_a_date: ("{}: not a date (dd/mm/yyyy)", "{}: không phải ngày (dd/mm/yyyy)"),
    msg_nothing_selected: ("Nothing selected", "Chưa chọn dòng nào"),
    msg_cannot_edit_row: ("This row cannot be changed", "Không sửa được dòng này"),
    msg_paste_ignored: ("Open a form (a, i) before pasting", "Hãy mở biểu mẫu (a, i) trước khi dán"),
    msg_form_restored: ("Your unfinished form is back, as you left it", "Biểu mẫu đang nhập dở đã được khôi phục"),
    msg_clock_behind: ("This computer's clock is {} behind the meeting file's: what you record gets the file's last time until it catches up. Set the clock right.", "Đồng hồ của máy này chậm hơn tệp cuộc họp {}: những gì bạn ghi sẽ lấy thời gian mới nhất của tệp cho đến khi đồng hồ theo kịp. Hãy chỉnh lại đồng hồ."),
    msg_form_kept: ("An unfinished form of yours is kept in the file: reopen the meeting to get it back", "Biểu mẫu đang nhập dở của bạn vẫn được giữ trong tệp: mở lại cuộc họp để lấy lại"),
    msg_conflict: ("Changed by {} since you opened it ({})", "{} vừa sửa dòng này sau khi bạn mở ({})"),
    msg_took_theirs: ("Kept the version of {}; your edit is dropped", "Đã giữ bản của {}; bản sửa của bạn bị bỏ"),
    conflict_yours: ("Yours", "Bản của bạn"),
    conflict_theirs: ("{}'s", "Bản của {}"),
    conflict_empty: ("(empty)", "(trống)"),
    also_here: ("also here", "cùng họp"),
    snapshot_only: ("read-only snapshot, no live updates", "bản chụp chỉ đọc, không cập nhật trực tiếp"),
    typing_issue: ("{} is typing an issue…", "{} đang ghi phản ánh…"),
    typing_answer: ("{} is typing an answer…", "{} đang ghi trả lời…"),
    typing_other: ("{} is typing…", "{} đang nhập…"),
    confirm_adjourn: ("End the meeting now? The active item and the speaker end too.", "Kết thúc cuộc họp ngay? Mục đang diễn ra và người đang phát biểu cũng kết thúc."),
    confirm_approve: ("Approve the minutes? Later changes will be recorded as corrections.", "Thông qua biên bản? Thay đổi sau đó sẽ được ghi là đính chính."),
    confirm_correction: ("The minutes are approved: record this as a correction?", "Biên bản đã được thông qua: ghi thay đổi này là đính chính?"),
    msg_correction_form: ("The minutes are approved: save again to record this as a correction", "Biên bản đã được thông qua: lưu lần nữa để ghi là đính chính"),
    approved: ("minutes approved", "biên bản đã thông qua"),
    form_close_issue: ("Close the issue (reply letter)", "Đóng PAKN (văn bản trả lời)"),
    f_closed_on: ("Closed on", "Ngày đóng"),
    stats_by_person: ("Speaking time per participant (min:s)", "Thời gian phát biểu theo đại biểu (phút:giây)"),
    stats_by_organization: ("Speaking time per organization (min:s)", "Thời gian phát biểu theo tổ chức (phút:giây)"),
    stats_by_field: ("Issues per field", "PAKN theo lĩnh vực"),
    stats_by_disposition: ("Issues per disposition", "PAKN theo hướng xử lý"),
    stats_agenda: ("Agenda: actual / planned minutes", "Chương trình: phút thực tế / dự kiến"),
    stats_none: ("(none)", "(không có)"),
    review_entry: ("entry", "mục"),
    msg_kept_for_retry: ("NOT SAVED ({}): kept, trying again", "CHƯA LƯU ({}): đang giữ lại và thử lại"),
    msg_undo_waits: ("Nothing undone: the file cannot be written just now (or changes wait to be written); try again in a moment", "Chưa hoàn tác: lúc này chưa ghi được vào tệp (hoặc còn thay đổi đang chờ ghi); hãy thử lại sau giây lát"),
    msg_same_name: ("{} is already open on {}: this is console {} of that name; what you type here is kept apart", "{} đang mở ở {}: đây là bảng điều khiển thứ {} cùng tên; những gì bạn gõ ở đây được lưu riêng"),
    msg_refused_kept: ("{} (the text is kept as a draft)", "{} (nội dung được giữ làm bản nháp)"),
    msg_busy: ("FILE BUSY: another program is writing to the meeting file; {0} {0:change waits|changes wait} and will be written as soon as it is free", "TỆP ĐANG BẬN: một chương trình khác đang ghi vào tệp cuộc họp; {} thay đổi đang chờ và sẽ được ghi ngay khi tệp rảnh"),
    console_number: ("console", "bảng"),
    waiting_to_write: ("{} waiting", "{} đang chờ"),
    msg_retried: ("Saved what was waiting ({} changes)", "Đã lưu các thay đổi đang chờ ({})"),
    confirm_unsaved: ("{} changes are not saved yet. y: write them to a recovery file and quit · n: stay and keep trying", "{} thay đổi chưa được lưu. y: ghi ra tệp khôi phục rồi thoát · n: ở lại và tiếp tục thử"),
    confirm_withdraw_request: ("Withdraw the request of {}?", "Rút đăng ký phát biểu của {}?"),
    confirm_skip_item: ("Skip agenda item “{}”?", "Bỏ qua mục “{}”?"),
    confirm_withdraw_issue: ("Mark issue {} as withdrawn?", "Đánh dấu PAKN số {} là rút lại?"),
    confirm_cancel_action: ("Cancel action “{}”?", "Hủy phân công “{}”?"),
    // The hall display (what the room sees on the projector)
    hall_next: ("Next", "Tiếp theo"),
    hall_nobody_waiting: ("Nobody is waiting for the floor", "Chưa có ai đăng ký phát biểu"),
    hall_nobody_speaking: ("Nobody has the floor", "Chưa có ai phát biểu"),
    hall_no_item: ("No agenda item under way", "Chưa vào mục nào của chương trình"),
    hall_queue_closed: ("The list of speakers is closed", "Đã khóa danh sách phát biểu"),
    cli_created: ("created {}", "đã tạo {}"),
    cli_imported: ("{0} {0:participant|participants} added, {1} already there; {2} agenda {2:item|items} added, {3} already there", "đã thêm {} đại biểu, {} người đã có; đã thêm {} mục chương trình, {} mục đã có"),
    cli_unknown_source: ("{}: gavel imports a JSON export (.json), a participants list (.csv) or a plan (.toml)", "{}: gavel nhập được bản xuất JSON (.json), danh sách đại biểu (.csv) hoặc kế hoạch (.toml)"),
    cli_plan_needs_title: ("the meeting needs a title: give --title, or title under [meeting] in the plan", "cuộc họp cần tiêu đề: dùng --title, hoặc ghi title trong mục [meeting] của kế hoạch"),
    cli_stdin_needs_format: ("{}: the standard input has no name to tell what it is: add --input-format csv|toml|json", "{}: đầu vào chuẩn không có tên tệp để biết là gì: thêm --input-format csv|toml|json"),
    cli_bare_usage: ("gavel FILE opens a meeting; gavel demo tries one; gavel --help lists every command", "gavel TỆP mở một cuộc họp; gavel demo để dùng thử; gavel --help liệt kê mọi lệnh"),
    cli_docx_needs_output: ("--format docx needs -o FILE.docx: a Word document is binary and is not written to a terminal (into a pipe: -o -)", "--format docx cần -o TỆP.docx: tài liệu Word là tệp nhị phân, không ghi ra cửa sổ dòng lệnh (vào một đường ống: -o -)"),
    cli_output_is_this_meeting: ("will not write the export to {}: it is this meeting's file or one SQLite keeps beside it (-wal, -shm, -journal); choose another -o", "không ghi bản xuất vào {}: đó chính là tệp cuộc họp này hoặc tệp đi kèm của nó (-wal, -shm, -journal); hãy chọn -o khác"),
    cli_output_is_a_meeting: ("will not write the export to {}: it is another gavel meeting's file or one SQLite keeps beside it, and would be replaced; choose another -o", "không ghi bản xuất vào {}: đó là tệp của một cuộc họp gavel khác hoặc tệp đi kèm của nó, ghi vào sẽ làm mất cuộc họp đó; hãy chọn -o khác"),
    cli_csv_needs_table: ("--format csv needs --table issues|actions|turns, or -o FOLDER for all three", "--format csv cần --table issues|actions|turns, hoặc -o THƯ_MỤC để xuất cả ba bảng"),
    cli_approved: ("minutes approved (journal entry #{})", "biên bản đã được thông qua (mục nhật ký #{})"),
    cli_approved_unchecked: ("note: {0} {0:invitee|invitees} not checked in at the roll call", "lưu ý: {} đại biểu chưa điểm danh"),
    cli_issue_closed: ("issue {} closed ({}, {})", "đã đóng PAKN số {} ({}, {})"),
    cli_action_done: ("action A{} done ({})", "phân công A{} đã xong ({})"),
    cli_recovered: ("applied {0} {0:change|changes}; {1} form {1:field|fields} back as drafts", "đã ghi {} thay đổi; {} ô biểu mẫu được khôi phục thành bản nháp"),
    cli_other_meeting: ("the recovery file belongs to another meeting; nothing was applied", "tệp khôi phục thuộc về một cuộc họp khác; chưa ghi gì"),
    cli_already_recovered: ("  {0} {0:change was|changes were} already applied by an earlier run of this file", "  {} thay đổi đã được ghi từ lần chạy trước của tệp này"),
    cli_refused_now: ("  refused now: {}", "  nay không thực hiện được: {}"),
    cli_kept_in_recovery: ("changes not written to {} are kept in {}; apply them with: gavel recover {} {}", "các thay đổi chưa ghi được vào {} được giữ trong {}; ghi lại bằng lệnh: gavel recover {} {}"),
    cli_demo_in: ("demo meeting in {}", "cuộc họp mẫu ở {}"),
    cli_demo_kept: ("the demo meeting is kept in {} (gavel open {})", "cuộc họp mẫu được giữ ở {} (gavel open {})"),
    cli_writing: ("writing {}", "đang ghi {}"),
    cli_reading_meetings: ("reading the meetings", "đang đọc các cuộc họp"),
    cli_importing: ("importing {} into {}", "đang nhập {} vào {}"),
    archive_pushing: ("pushing {} to the archive", "đang đưa {} vào kho lưu trữ"),
    archive_new: ("{}: {} — added to the archive ({3} journal {3:entry|entries})", "{}: {} — đã đưa vào kho lưu trữ ({3} mục nhật ký)"),
    archive_updated: ("{}: {} — brought up to date ({2} {2:entry|entries} added, {3} in all)", "{}: {} — đã cập nhật ({2} mục nhật ký mới, tổng cộng {3})"),
    archive_up_to_date: ("{}: {} — already up to date ({3} journal {3:entry|entries})", "{}: {} — kho lưu trữ đã có đủ ({3} mục nhật ký)"),
    archive_refused: ("{0} of {1} {1:meeting was|meetings were} not pushed", "{} trong số {} cuộc họp chưa được đưa vào kho"),
    archive_no_meetings: ("{}: no meeting file in this folder", "{}: thư mục này không có tệp cuộc họp nào"),
    archive_bad_address: ("the archive's address: {}", "địa chỉ kho lưu trữ: {}"),
    archive_no_tls: ("sslmode={}: this gavel connects without TLS (the local socket, the province's network or an SSH tunnel); use sslmode=disable or sslmode=prefer", "sslmode={}: gavel kết nối không mã hóa (trên chính máy chủ, qua mạng nội bộ của tỉnh hoặc đường hầm SSH); hãy dùng sslmode=disable hoặc sslmode=prefer"),
    archive_server: ("the archive: {}", "kho lưu trữ: {}"),
    archive_newer_schema: ("the archive was made by a newer gavel (its schema version {}); update gavel", "kho lưu trữ do phiên bản gavel mới hơn tạo (lược đồ phiên bản {}); hãy cập nhật gavel"),
    archive_file_refused: ("not pushed: {}", "chưa đưa vào kho: {}"),
    archive_diverged: ("not pushed: the archive holds another history of this meeting (its entry {} differs from the file's); nothing was changed", "chưa đưa vào kho: kho lưu trữ giữ một lịch sử khác của cuộc họp này (mục nhật ký {} khác với trong tệp); không có gì bị thay đổi"),
    cli_writing_large: ("writing a large meeting to {} (about a minute)…", "đang ghi một cuộc họp lớn vào {} (khoảng một phút)…"),
    cli_console_flag_alone: ("{} belongs to the console: it cannot be used with '{}' (write gavel open FILE {})", "{} dành cho bảng điều khiển, không dùng được với lệnh '{}' (hãy viết gavel open TỆP {})"),
    cli_overdue: ("overdue now: {} (written replies, forwardings and actions)", "đang quá hạn: {} việc (trả lời bằng văn bản, chuyển đi, nhiệm vụ)"),
    cli_no_terminal: ("no terminal to draw on: the console needs one (over SSH, use ssh -t)", "không có cửa sổ dòng lệnh để hiển thị: bảng điều khiển cần một cửa sổ (qua SSH, dùng ssh -t)"),
    cli_bad_date: ("not a date: {} (dd/mm/yyyy)", "không phải ngày: {} (dd/mm/yyyy)"),
    check_integrity: ("SQLite integrity", "toàn vẹn SQLite"),
    check_chain: ("hash chain", "chuỗi băm"),
    check_replay: ("replay = tables", "phát lại = bảng"),
    check_older_tables: ("the tables are of schema {}, by an older gavel: not read; every reader replays the journal, and the first gavel that writes to the file rebuilds them", "các bảng theo lược đồ {} của phiên bản gavel cũ hơn: không đọc; mọi lệnh đọc đều phát lại nhật ký, và lần ghi đầu tiên sẽ dựng lại các bảng"),
    check_times: ("times in order", "thời gian theo thứ tự"),
    check_fingerprint: ("fingerprint", "mã xác thực"),
    check_signed: (": the file holds the record signed (approved at entry #{}, {})", ": tệp giữ đúng biên bản đã ký (thông qua ở mục #{}, {})"),
    check_after_signing: ("; recorded after it: {}", "; ghi sau đó: {}"),
    check_not_approved: ("the minutes of this meeting were never approved", "biên bản của cuộc họp này chưa từng được thông qua"),
    check_not_signed_record: ("this is not the record that was signed (its approval now carries {})", "đây không phải biên bản đã ký (mục thông qua nay mang mã {})"),
    check_bad_fingerprint: ("not a fingerprint: 8 to 16 hexadecimal digits, as printed on the minutes", "không phải mã xác thực: 8 đến 16 chữ số thập lục phân, như in trên biên bản"),
    check_ok: ("ok", "đạt"),
    check_failed: ("FAILED", "LỖI"),
    check_entries: ("{} entries", "{} mục"),
    config_file: ("config file", "tệp cấu hình"),
    config_missing: ("(none yet; see examples/config.toml)", "(chưa có; xem examples/config.toml)"),
    config_from: ("from", "theo"),
    source_default: ("default", "mặc định"),
    source_locale: ("locale", "ngôn ngữ hệ thống"),
    source_file: ("config file", "tệp cấu hình"),
    source_flag: ("command line", "dòng lệnh"),
    // The participants, the roll call, notes and conclusion (the console)
    participants: ("Participants", "Đại biểu"),
    form_new_participant: ("Add a participant", "Thêm đại biểu"),
    form_edit_participant: ("Edit participant", "Sửa thông tin đại biểu"),
    form_meeting: ("Meeting details", "Thông tin cuộc họp"),
    form_notes: ("Notes: the course of the item", "Diễn biến của mục"),
    form_conclusion: ("The chair's conclusion", "Kết luận của chủ trì"),
    f_name: ("Name", "Họ và tên"),
    f_honorific: ("Honorific", "Danh xưng"),
    f_position: ("Position", "Chức vụ"),
    f_organization: ("Organization", "Cơ quan, đơn vị"),
    f_group: ("Delegate group", "Nhóm đại biểu"),
    f_contact: ("Contact", "Liên hệ"),
    f_attendance: ("Attendance", "Điểm danh"),
    f_members: ("Members", "Số người"),
    f_representatives: ("Representatives", "Người đại diện"),
    f_notes: ("Notes", "Diễn biến"),
    f_conclusion: ("Conclusion", "Kết luận"),
    f_answered_by: ("Answered by", "Người trả lời"),
    f_letter_number: ("Letter no.", "Số văn bản"),
    f_letter_date: ("Received on", "Ngày nhận"),
    f_chair: ("Chair", "Chủ trì"),
    f_secretary: ("Secretary", "Thư ký"),
    f_superior_agency: ("Superior agency", "Cơ quan chủ quản"),
    f_agency: ("Agency", "Cơ quan tổ chức"),
    f_venue: ("Venue", "Địa điểm"),
    f_place: ("Place (date line)", "Địa danh"),
    f_doc_number: ("Minutes no. prefix", "Ký hiệu biên bản"),
    msg_not_a_participant: ("{}: not on the list of participants (add them in pane 5)", "{}: không có trong danh sách đại biểu (thêm ở ô 5)"),
    msg_already_present: ("{} is already checked in", "{} đã điểm danh có mặt"),
    confirm_unchecked: ("{0} {0:invitee|invitees} not checked in yet.", "{} đại biểu chưa điểm danh."),
    not_listed: ("not on the list of participants", "không có trong danh sách đại biểu"),
    msg_choose_new: ("{}: “{}” is not on the list: ↓ to “+ new participant”, then Enter", "{}: “{}” không có trong danh sách: ↓ tới “+ đại biểu mới” rồi Enter"),
    hint_pick_number: ("choose by number", "chọn theo số"),
    hint_disposition: ("disposition", "hướng xử lý"),
    hint_category: ("kind", "loại ý kiến"),
    proposed_note: ("(proposed: type to replace)", "(đề xuất: gõ để thay)"),
    msg_no_due: ("No due date: save again to assign it without one, or type a date (dd/mm/yyyy)", "Chưa có hạn hoàn thành: lưu lần nữa để phân công không hạn, hoặc nhập hạn (dd/mm/yyyy)"),
    help_quick_disposition: ("pick; Alt: from any field", "chọn số; Alt: xử lý, loại"),
    roll_call: ("Roll call", "Điểm danh"),
    roll_call_prompt: ("Type a few letters of the name; accents are optional.", "Gõ vài chữ của tên, không cần dấu."),
    roll_call_walk_in: ("Nobody of that name: Enter adds them (a walk-in).", "Không có ai tên này: Enter để thêm người mới đến."),
    roll_call_more: ("… and {} more: type more letters", "… còn {} người nữa: gõ thêm chữ"),
    count_present: ("present", "có mặt"),
    count_absent: ("absent", "vắng"),
    count_unchecked: ("not checked in", "chưa điểm danh"),
    count_unchecked_short: ("unchecked", "chưa"),
    typing_notes: ("{} is typing notes…", "{} đang ghi diễn biến…"),
    typing_conclusion: ("{} is typing the conclusion…", "{} đang ghi kết luận…"),
    typing_participant: ("{} is editing a participant…", "{} đang ghi thông tin đại biểu…"),
}

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

labels!(papers::Paper {
    papers::Paper::Minutes => ("Minutes of the meeting", "Biên bản hội nghị"),
    papers::Paper::Notice => ("Conclusion notice", "Thông báo kết luận"),
    papers::Paper::Upward => ("Report upward (beyond our authority)", "Báo cáo kiến nghị vượt thẩm quyền"),
    papers::Paper::FollowUp => ("Follow-up report", "Báo cáo kết quả trả lời, xử lý"),
});

labels!(Role {
    Role::Chair => ("chair", "chủ trì"),
    Role::Secretary => ("secretary", "thư ký"),
    Role::Observer => ("observer", "theo dõi"),
});

labels!(Area {
    Area::Meeting => ("meeting", "cuộc họp"),
    Area::Agenda => ("agenda", "chương trình"),
    Area::Floor => ("floor", "điều hành phát biểu"),
    Area::Requests => ("requests", "đăng ký phát biểu"),
    Area::Participants => ("participants", "đại biểu"),
    Area::Notes => ("notes and conclusion", "diễn biến và kết luận"),
    Area::Issues => ("issues", "phản ánh, kiến nghị"),
    Area::Actions => ("actions", "phân công"),
    Area::Undo => ("undo", "hoàn tác"),
});

labels!(RequestKind {
    RequestKind::Normal => ("normal", "thường"),
    RequestKind::Reply => ("reply", "trả lời"),
    RequestKind::PointOfOrder => ("point of order", "về trình tự"),
});

labels!(RequestStatus {
    RequestStatus::Waiting => ("waiting", "đang chờ"),
    RequestStatus::Speaking => ("speaking", "đang phát biểu"),
    RequestStatus::Done => ("done", "đã phát biểu"),
    RequestStatus::Withdrawn => ("withdrawn", "đã rút"),
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
    ParticipantRole::Leadership => ("leadership", "lãnh đạo"),
    ParticipantRole::DivisionHead => ("division head", "lãnh đạo phòng"),
    ParticipantRole::ProcedureControlOfficer => ("procedure control", "kiểm soát TTHC"),
    ParticipantRole::OneStopDesk => ("one-stop desk", "bộ phận một cửa"),
    ParticipantRole::Guest => ("guest", "khách mời"),
});

labels!(Attendance {
    // As the list and the roll call say it.
    Attendance::Invited => ("not checked in", "chưa điểm danh"),
    Attendance::Present => ("present", "có mặt"),
    Attendance::AbsentWithNotice => ("absent with notice", "vắng có lý do"),
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
        DomainError::Empty(what) => format!("chưa nhập {}", vi_field(*what)),
        DomainError::Invalid(what) => format!("giá trị không hợp lệ: {}", vi_field(*what)),
        DomainError::NotFound { kind, id } => format!("không tìm thấy {} (#{id})", vi_kind(*kind)),
        DomainError::QueueEmpty => "danh sách phát biểu đang trống".into(),
        DomainError::QueueClosed => "danh sách phát biểu đã khóa".into(),
        DomainError::NoSpeaker => "chưa có ai đang phát biểu".into(),
        DomainError::NoActiveItem => "chưa có mục chương trình nào đang diễn ra".into(),
        DomainError::AlreadyWaiting { who } => format!("{who} đã có trong danh sách chờ"),
        DomainError::NotNow { action, reason } => {
            format!("không thể {}: {}", vi_act(*action), vi_why(*reason))
        }
        DomainError::DueBeforeMeeting { due, meeting_day } => format!(
            "hạn {} trước ngày họp {}",
            due.format("%d/%m/%Y"),
            meeting_day.format("%d/%m/%Y")
        ),
        DomainError::Conflict { .. } => "người khác vừa sửa dòng này sau khi bạn mở".into(),
        DomainError::CannotUndo(reason) => format!("không hoàn tác được: {}", vi_undo(*reason)),
        DomainError::PresentByRecord { who } => {
            format!("{who} đã phát biểu hoặc nêu ý kiến tại hội nghị: có mặt theo biên bản")
        }
        // The reason first: it is what a narrow footer must not cut.
        DomainError::MeetingEnded { action, at } => {
            let at = at.map(|t| t.format(" lúc %H:%M").to_string());
            format!(
                "cuộc họp đã kết thúc{}, không thể {}",
                at.unwrap_or_default(),
                vi_ended_action(*action)
            )
        }
    }
}

/// What a finished meeting refuses, in Vietnamese.
fn vi_ended_action(action: EndedAction) -> &'static str {
    match action {
        EndedAction::GiveFloor => "mời phát biểu",
        EndedAction::Pause => "tạm dừng, tiếp tục giờ phát biểu",
        EndedAction::AddTime => "thêm giờ phát biểu",
        EndedAction::StartItem => "bắt đầu mục chương trình",
        EndedAction::FinishItem => "kết thúc mục chương trình",
        EndedAction::RequestFloor => "thêm đăng ký phát biểu",
        EndedAction::CloseQueue => "khóa, mở danh sách phát biểu",
    }
}

/// The Vietnamese of a field `DomainError` names.
fn vi_field(what: Field) -> &'static str {
    match what {
        Field::MeetingTitle => "tiêu đề cuộc họp",
        Field::ParticipantName => "tên đại biểu",
        Field::AgendaTitle => "tiêu đề mục chương trình",
        Field::IssueText => "nội dung phản ánh, kiến nghị",
        Field::ActionTitle => "nội dung công việc",
        Field::ActionOwner => "người thực hiện",
        Field::EscalatedTo => "cơ quan được chuyển đến",
        Field::TimeToAdd => "thời gian thêm",
        Field::UtcOffset => "múi giờ",
        Field::SpeakingLimit => "thời gian phát biểu",
        Field::LetterOnFloorIssue => {
            "số, ngày văn bản cho ý kiến nêu tại hội nghị (chỉ ý kiến bằng văn bản mới có)"
        }
    }
}

/// The Vietnamese of a kind of row `DomainError` names.
fn vi_kind(kind: Kind) -> &'static str {
    match kind {
        Kind::Participant => "đại biểu",
        Kind::AgendaItem => "mục chương trình",
        Kind::Request => "đăng ký phát biểu",
        Kind::Issue => "phản ánh, kiến nghị",
        Kind::Action => "phân công",
    }
}

/// The Vietnamese of what a refused command tried to do.
fn vi_act(act: Act) -> &'static str {
    match act {
        Act::StartMeeting => "bắt đầu cuộc họp",
        Act::AdjournMeeting => "kết thúc cuộc họp",
        Act::CloseMeeting => "đóng cuộc họp",
        Act::ApproveMinutes => "thông qua biên bản",
        Act::StartItem => "bắt đầu mục này",
        Act::SkipItem => "bỏ qua mục này",
        Act::ChangeRequest => "sửa đăng ký này",
        Act::WithdrawRequest => "rút đăng ký này",
        Act::CloseIssue => "đóng phản ánh, kiến nghị này",
    }
}

/// The Vietnamese of why a command cannot be done now.
fn vi_why(why: Why) -> String {
    match why {
        Why::MeetingIs(status) => {
            let word = match status {
                MeetingStatus::Draft => "chưa bắt đầu",
                MeetingStatus::Live => "đang diễn ra",
                MeetingStatus::Adjourned => "đã kết thúc",
                MeetingStatus::Closed => "đã đóng",
            };
            format!("cuộc họp {word}")
        }
        Why::ItemIs(status) => match status {
            AgendaStatus::Pending => "mục này đang chờ",
            AgendaStatus::Active => "mục này đang diễn ra",
            AgendaStatus::Done => "mục này đã xong",
            AgendaStatus::Skipped => "mục này đã được bỏ qua",
        }
        .into(),
        Why::RequestIs(status) => match status {
            RequestStatus::Waiting => "đăng ký này đang chờ",
            RequestStatus::Speaking => "người này đang phát biểu",
            RequestStatus::Done => "người này đã phát biểu xong",
            RequestStatus::Withdrawn => "đăng ký này đã rút",
        }
        .into(),
        Why::AdjournFirst => "hãy kết thúc cuộc họp trước".into(),
        Why::MinutesApproved => "biên bản đã được thông qua".into(),
        Why::IssueClosed => "phản ánh, kiến nghị này đã đóng".into(),
    }
}

/// The Vietnamese of why an undo is refused.
fn vi_undo(why: UndoWhy) -> String {
    match why {
        UndoWhy::NotUndoable => "thay đổi này không hoàn tác được".into(),
        UndoWhy::ChangedSince(entry) => format!("đã có thay đổi khác sau đó (mục {entry})"),
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

/// Ông or Bà before a name.
pub fn honorific_word(honorific: Honorific, lang: Lang) -> &'static str {
    match honorific {
        Honorific::Mr => lang.pick("Mr", "Ông"),
        Honorific::Ms => lang.pick("Ms", "Bà"),
    }
}

/// A participant's attendance in a row of the console: as the record
/// proves it, with `spoke` when the roll call said otherwise but the person
/// spoke or raised an issue in the room; `short` for narrow rows.
pub fn attendance_word(
    attendance: Attendance,
    spoke: bool,
    short: bool,
    lang: Lang,
) -> &'static str {
    let (en, vi, en_short, vi_short) = match (attendance, spoke) {
        (Attendance::Present, true) => (
            "present (spoke)",
            "có mặt (đã phát biểu)",
            "here (spoke)",
            "có mặt (PB)",
        ),
        (Attendance::Present, false) => ("present", "có mặt", "present", "có mặt"),
        (Attendance::Invited, _) => ("not checked in", "chưa điểm danh", "unchecked", "chưa"),
        (Attendance::AbsentWithNotice, _) => (
            "absent with notice",
            "vắng có lý do",
            "excused",
            "vắng (lý do)",
        ),
        (Attendance::AbsentWithWrittenSubmission, _) => (
            "absent, wrote in",
            "vắng, có ý kiến bằng văn bản",
            "wrote in",
            "vắng (VB)",
        ),
        (Attendance::Absent, _) => ("absent", "vắng", "absent", "vắng"),
    };
    match (lang, short) {
        (Lang::En, false) => en,
        (Lang::Vi, false) => vi,
        (Lang::En, true) => en_short,
        (Lang::Vi, true) => vi_short,
    }
}

/// A few words for a delegate group, for the rows of the console.
pub fn short_group(group: ParticipantRole, lang: Lang) -> &'static str {
    let (en, vi) = match group {
        ParticipantRole::Leadership => ("leadership", "lãnh đạo"),
        ParticipantRole::DivisionHead => ("division", "phòng, đơn vị"),
        ParticipantRole::ProcedureControlOfficer => ("control", "kiểm soát TTHC"),
        ParticipantRole::OneStopDesk => ("one-stop", "một cửa"),
        ParticipantRole::OrganizationRepresentative => ("organization", "tổ chức"),
        ParticipantRole::Citizen => ("individual", "cá nhân"),
        ParticipantRole::Guest => ("guest", "khách mời"),
    };
    lang.pick(en, vi)
}

/// A short tag for a request's kind in the queue ("" for a normal one).
pub fn kind_tag(kind: RequestKind, lang: Lang) -> &'static str {
    match (kind, lang) {
        (RequestKind::Normal, _) => "",
        (RequestKind::Reply, Lang::En) => "[reply] ",
        (RequestKind::Reply, Lang::Vi) => "[trả lời] ",
        (RequestKind::PointOfOrder, Lang::En) => "[point of order] ",
        (RequestKind::PointOfOrder, Lang::Vi) => "[về trình tự] ",
    }
}

/// Why reading or writing a file failed, in `lang`: the system's English
/// ("Permission denied (os error 13)") said in Vietnamese. The system's own
/// words are left out of the Vietnamese: an unusual cause is named by its
/// error number alone (`lỗi hệ thống (mã 5)`).
pub fn io_error(lang: Lang, error: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    if lang == Lang::En {
        return error.to_string();
    }
    let said = match error.kind() {
        K::NotFound => "không có thư mục hoặc tệp này",
        K::PermissionDenied => "không có quyền truy cập",
        K::AlreadyExists => "đã có tệp này",
        K::IsADirectory => "đây là một thư mục",
        K::NotADirectory => "một phần của đường dẫn không phải là thư mục",
        K::StorageFull => "đĩa đã đầy",
        K::QuotaExceeded => "đã dùng hết dung lượng được cấp trên đĩa",
        K::FileTooLarge => "tệp quá lớn",
        K::ReadOnlyFilesystem => "ổ đĩa chỉ cho đọc",
        K::ResourceBusy | K::WouldBlock => "tệp đang bị chương trình khác giữ",
        K::TimedOut => "quá thời gian chờ",
        K::Interrupted => "bị ngắt giữa chừng",
        K::UnexpectedEof => "tệp bị cắt ngắn",
        K::InvalidData => "dữ liệu không hợp lệ",
        K::OutOfMemory => "không đủ bộ nhớ",
        _ => {
            return match error.raw_os_error() {
                Some(code) => format!("lỗi hệ thống (mã {code})"),
                None => "lỗi hệ thống".into(),
            };
        }
    };
    said.to_string()
}

/// What went wrong, said in both languages when it happened, to be shown
/// later in the console's: the errors themselves (SQLite's, the system's)
/// cannot be kept.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ErrorText {
    en: String,
    vi: String,
}

impl ErrorText {
    pub fn new(say: impl Fn(Lang) -> String) -> ErrorText {
        ErrorText {
            en: say(Lang::En),
            vi: say(Lang::Vi),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::En => &self.en,
            Lang::Vi => &self.vi,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts that are the same in both languages on purpose.
    const SAME_IN_BOTH: &[&str] = &["check_ok"];

    /// How many values a template takes: its `{}` in order, or the highest
    /// `{N}` (or `{N:one|many}`) plus one.
    fn values_used(template: &str) -> usize {
        let mut in_order = 0;
        let mut numbered = 0;
        for piece in template.split('{').skip(1) {
            let inside = piece.split('}').next().unwrap_or("");
            if inside.is_empty() {
                in_order += 1;
            } else if let Ok(n) = inside.split(':').next().unwrap_or("").parse::<usize>() {
                numbered = numbered.max(n + 1);
            }
        }
        in_order.max(numbered)
    }

    #[test]
    fn every_text_exists_in_both_languages() {
        let english = EN.entries();
        let vietnamese = VI.entries();
        assert_eq!(english.len(), vietnamese.len());
        for ((name, en), (_, vi)) in english.iter().zip(&vietnamese) {
            assert!(!en.trim().is_empty(), "{name}: no English");
            assert!(!vi.trim().is_empty(), "{name}: no Vietnamese");
            assert_eq!(
                values_used(en),
                values_used(vi),
                "{name}: the two languages fill different numbers of blanks"
            );
            if !SAME_IN_BOTH.contains(name) {
                assert_ne!(en, vi, "{name}: the Vietnamese is still English");
            }
        }
    }

    #[test]
    fn every_value_has_a_label_in_both_languages() {
        fn check<T: Label + std::fmt::Debug>(all: &[T]) {
            for value in all {
                let (en, vi) = (value.label(Lang::En), value.label(Lang::Vi));
                assert!(!en.is_empty() && !vi.is_empty(), "{value:?}");
                assert_ne!(en, vi, "{value:?}: the Vietnamese is still English");
            }
        }
        check(Role::ALL);
        check(RequestKind::ALL);
        check(RequestStatus::ALL);
        check(Disposition::ALL);
        check(IssueCategory::ALL);
        check(IssueSource::ALL);
        check(ActionStatus::ALL);
        check(AgendaStatus::ALL);
        check(ParticipantRole::ALL);
        check(Attendance::ALL);
    }

    #[test]
    fn a_vietnamese_title_is_told_from_an_english_one() {
        assert!(looks_vietnamese("Hội nghị đối thoại"));
        assert!(looks_vietnamese("Đối thoại"));
        assert!(looks_vietnamese("Sở Tư pháp"));
        assert!(!looks_vietnamese("Public dialogue on procedures"));
        assert!(!looks_vietnamese("Café société")); // French accents are not Vietnamese
    }

    #[test]
    fn fill_replaces_in_order() {
        assert_eq!(fill("{} gives {} s", &["An", "30"]), "An gives 30 s");
        assert_eq!(fill("no holes", &["x"]), "no holes");
    }
}

#[cfg(test)]
mod fill_tests {
    use super::fill;

    #[test]
    fn placeholders_in_order_by_number_and_with_plurals() {
        assert_eq!(fill("a {} b {}", &["x", "y"]), "a x b y");
        assert_eq!(fill("{1} then {0}", &["x", "y"]), "y then x");
        let added = "{0} {0:participant|participants} added, {1} {1:item|items}";
        assert_eq!(fill(added, &["1", "2"]), "1 participant added, 2 items");
        assert_eq!(fill(added, &["0", "1"]), "0 participants added, 1 item");
        // Braces that are not a placeholder stay as they are.
        assert_eq!(fill("{x} {", &["v"]), "{x} {");
        assert_eq!(fill("{9}", &["v"]), "");
    }

    #[test]
    fn no_english_text_says_s_in_parentheses() {
        for (name, en) in super::Lang::En.texts().entries() {
            assert!(!en.contains("(s)"), "{name}: {en}");
        }
    }
}

#[cfg(test)]
mod locale_tests {
    use super::*;

    fn lang_of(pairs: &[(&str, &str)]) -> Option<Lang> {
        locale_lang(&|name| {
            pairs
                .iter()
                .find(|(n, _)| *n == name)
                .map(|(_, v)| v.to_string())
        })
    }

    #[test]
    fn the_locale_decides_as_gettext_reads_it() {
        assert_eq!(lang_of(&[]), None);
        assert_eq!(lang_of(&[("LANG", "vi_VN.UTF-8")]), Some(Lang::Vi));
        assert_eq!(lang_of(&[("LANG", "C.UTF-8")]), Some(Lang::En));
        // LC_ALL outranks LC_MESSAGES, which outranks LANG.
        let all = [
            ("LC_ALL", "en_US.UTF-8"),
            ("LC_MESSAGES", "vi_VN"),
            ("LANG", "vi_VN"),
        ];
        assert_eq!(lang_of(&all), Some(Lang::En));
        assert_eq!(lang_of(&all[1..]), Some(Lang::Vi));
        // LANGUAGE comes first, its first language gavel has.
        let listed = [("LANGUAGE", "fr:vi:en"), ("LANG", "en_US.UTF-8")];
        assert_eq!(lang_of(&listed), Some(Lang::Vi));
        // ... unless the locale is C or POSIX, as gettext ignores it then.
        let plain = [("LANGUAGE", "vi"), ("LANG", "C.UTF-8")];
        assert_eq!(lang_of(&plain), Some(Lang::En));
        assert_eq!(
            lang_of(&[("LANGUAGE", "vi"), ("LC_ALL", "POSIX")]),
            Some(Lang::En)
        );
        // ... and unless no locale is set at all.
        assert_eq!(lang_of(&[("LANGUAGE", "vi")]), None);
        // A list with none of gavel's languages leaves the locale to say.
        assert_eq!(
            lang_of(&[("LANGUAGE", "fr:de"), ("LANG", "vi_VN")]),
            Some(Lang::Vi)
        );
    }
}
