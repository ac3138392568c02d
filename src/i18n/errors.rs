//! Errors in the user's language. The error types print English (for logs
//! and tests); these functions give the words a user reads. What comes from
//! the system or a third-party parser (an OS error, SQLite's or TOML's own
//! message) is passed through as it is, inside a translated sentence.

use super::{Label, Lang, domain_error};
use crate::commands::CommandError;
use crate::config::ConfigError;
use crate::plans::{PlanError, field_prefix};
use crate::store::{ImportError, StoreError};

pub fn store_error(lang: Lang, error: &StoreError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        StoreError::NotFound => "không có tệp này".into(),
        StoreError::AlreadyExists => "tệp đã tồn tại; gavel không ghi đè".into(),
        StoreError::NotSqlite(detail) => {
            format!("không phải tệp cuộc họp của gavel ({detail})")
        }
        StoreError::Foreign => {
            "cơ sở dữ liệu SQLite của chương trình khác, không phải tệp cuộc họp của gavel".into()
        }
        StoreError::NewerSchema { found, supported } => format!(
            "tệp do phiên bản gavel mới hơn tạo (lược đồ {found}; phiên bản này đọc đến {supported})"
        ),
        StoreError::Damaged(detail) => format!("cơ sở dữ liệu bị hỏng: {detail}"),
        StoreError::Refused(error) => domain_error(lang, error),
        StoreError::NotAllowed { role } => {
            format!("vai trò {} không được làm việc này", role.label(lang))
        }
        StoreError::ReadOnly => "mở ở chế độ chỉ đọc: không ghi được gì".into(),
        StoreError::NothingToUndo => "không có thay đổi nào của bạn để hoàn tác".into(),
        StoreError::Io(error) => format!("lỗi đọc/ghi: {error}"),
        StoreError::Sqlite(error) => format!("SQLite: {error}"),
    }
}

pub fn import_error(lang: Lang, error: &ImportError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ImportError::Malformed {
            line,
            column,
            path,
            message,
        } => format!("dòng {line}, cột {column}, tại {path}: {message}"),
        ImportError::WrongFormat { .. } => "không phải bản xuất JSON của một cuộc họp gavel".into(),
        ImportError::UnsupportedVersion { found } => {
            format!("phiên bản định dạng {found} chưa được hỗ trợ")
        }
        ImportError::EmptyJournal => {
            "nhật ký trống: cuộc họp phải bắt đầu bằng mục tạo ra nó".into()
        }
        ImportError::Gap {
            index,
            expected,
            found,
        } => format!("journal[{index}] là mục {found}, trong khi cần mục {expected} (thiếu mục)"),
        ImportError::Unlinked { seq } => {
            format!("mục nhật ký {seq} không nối với mục trước nó (prev_hash)")
        }
        ImportError::Altered { seq } => {
            format!("mục nhật ký {seq} không khớp mã băm: đã bị sửa")
        }
        ImportError::KindMismatch { seq, kind, .. } => {
            format!("mục nhật ký {seq}: loại {kind:?} không khớp với sự kiện")
        }
        ImportError::RecordMismatch(detail) => {
            format!("dữ liệu trong tệp không khớp với việc phát lại nhật ký: {detail}")
        }
        ImportError::Store(error) => store_error(lang, error),
    }
}

pub fn plan_error(lang: Lang, error: &PlanError) -> String {
    match error {
        PlanError::Bad {
            file,
            line,
            field,
            problem,
        } => {
            let line_word = if lang == Lang::Vi { "dòng" } else { "line" };
            format!(
                "{file}: {line_word} {line}: {}{}",
                field_prefix(field),
                problem.text(lang)
            )
        }
        PlanError::Store(error) => store_error(lang, error),
    }
}

pub fn config_error(lang: Lang, error: &ConfigError) -> String {
    if lang == Lang::En {
        return error.to_string();
    }
    match error {
        ConfigError::File {
            file,
            line,
            message,
        } => format!("{file}: dòng {line}: {message}"),
        ConfigError::Unreadable { file, message } => {
            format!("{file}: không đọc được tệp cấu hình: {message}")
        }
        ConfigError::Env {
            var,
            value,
            message,
        } => format!("{var}={value:?}: giá trị không hợp lệ ({message})"),
    }
}

pub fn command_error(lang: Lang, error: &CommandError) -> String {
    match error {
        CommandError::Store(error) => store_error(lang, error),
        CommandError::Import(error) => import_error(lang, error),
        CommandError::Plan(error) => plan_error(lang, error),
        CommandError::Output { path, error } if lang == Lang::Vi => {
            format!("{path}: không ghi được: {error}")
        }
        CommandError::Output { path, error } => format!("{path}: {error}"),
        CommandError::Config(error) => config_error(lang, error),
        CommandError::Input(message) | CommandError::Usage(message) => message.clone(),
        CommandError::NoTerminal => lang.texts().cli_no_terminal.to_string(),
    }
}
