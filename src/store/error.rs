//! What can go wrong with a meeting file, in English (`Display`, for logs
//! and tests) and in the user's language (`localized`). In English, what
//! comes from the system or SQLite is passed through as it is; in
//! Vietnamese it is said by its cause (SQLite's result code, the system's
//! error kind) and its English words are left out.

use rusqlite::ErrorCode;

use super::journal::JournalReadError;
use crate::domain::{DomainError, Role};
use crate::i18n::{Label, Lang, domain_error, io_error};

#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("no such file")]
    NotFound,
    #[error("already exists; gavel will not overwrite it")]
    AlreadyExists,
    #[error("not a gavel meeting file ({0})")]
    NotSqlite(String),
    #[error("a SQLite database of another program, not a gavel meeting file")]
    Foreign,
    #[error("made by a newer gavel (schema version {found}; this gavel reads up to {supported})")]
    NewerSchema { found: i64, supported: i64 },
    #[error("the database is damaged: {0}")]
    Damaged(String),
    #[error("not a gavel meeting: its schema version is {0}")]
    SchemaVersion(i64),
    #[error("the file does not pass its check ({0}); nothing was written: run gavel check on it")]
    Unhealthy(String),
    #[error("{0}")]
    Refused(#[from] DomainError),
    #[error("a {role} may not do that")]
    NotAllowed { role: Role },
    #[error("opened read-only: nothing can be written")]
    ReadOnly,
    #[error("nothing of yours to undo")]
    NothingToUndo,
    #[error("{0}")]
    Io(#[from] std::io::Error),
    #[error("SQLite: {0}")]
    Sqlite(rusqlite::Error),
}

impl StoreError {
    /// A write that failed for a reason outside the record (disk full, a
    /// lock held too long, the file read-only, an I/O error): the change is
    /// kept and tried again. Refusals by the record's rules are not.
    pub fn is_write_failure(&self) -> bool {
        match self {
            StoreError::Io(_) | StoreError::Damaged(_) => true,
            StoreError::Sqlite(error) => matches!(
                error.sqlite_error_code(),
                Some(
                    ErrorCode::DiskFull
                        | ErrorCode::DatabaseBusy
                        | ErrorCode::DatabaseLocked
                        | ErrorCode::ReadOnly
                        | ErrorCode::SystemIoFailure
                        | ErrorCode::CannotOpen
                        | ErrorCode::OutOfMemory
                )
            ),
            _ => false,
        }
    }
}

impl StoreError {
    /// Another connection holds the write lock (longer than this one was
    /// willing to wait): the write can simply be tried again later.
    pub fn is_busy(&self) -> bool {
        matches!(self, StoreError::Sqlite(error) if matches!(
            error.sqlite_error_code(),
            Some(ErrorCode::DatabaseBusy | ErrorCode::DatabaseLocked)
        ))
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(error: rusqlite::Error) -> Self {
        match error.sqlite_error_code() {
            Some(ErrorCode::DatabaseCorrupt) => StoreError::Damaged(error.to_string()),
            Some(ErrorCode::NotADatabase) => StoreError::NotSqlite(error.to_string()),
            _ => StoreError::Sqlite(error),
        }
    }
}

impl From<JournalReadError> for StoreError {
    fn from(error: JournalReadError) -> Self {
        match error {
            JournalReadError::Sqlite(e) => e.into(),
            JournalReadError::Entry(message) => StoreError::Damaged(message),
        }
    }
}

impl StoreError {
    /// The error in the user's language (the `Display` text is English).
    pub fn localized(&self, lang: Lang) -> String {
        if lang == Lang::En {
            return self.to_string();
        }
        match self {
            StoreError::NotFound => "không có tệp này".into(),
            StoreError::AlreadyExists => "tệp đã tồn tại; gavel không ghi đè".into(),
            StoreError::NotSqlite(_) => "không phải tệp cuộc họp của gavel".into(),
            StoreError::Foreign => {
                "cơ sở dữ liệu SQLite của chương trình khác, không phải tệp cuộc họp của gavel"
                    .into()
            }
            StoreError::NewerSchema { found, supported } => format!(
                "tệp do phiên bản gavel mới hơn tạo (lược đồ {found}; phiên bản này đọc đến {supported})"
            ),
            StoreError::Damaged(_) => {
                "tệp cuộc họp bị hỏng: hãy chạy gavel check với tệp này để biết chỗ hỏng".into()
            }
            StoreError::SchemaVersion(version) => {
                format!("không phải tệp cuộc họp của gavel: phiên bản lược đồ là {version}")
            }
            StoreError::Unhealthy(_) => {
                "tệp không qua được bước kiểm tra; chưa ghi gì: hãy chạy gavel check với tệp này"
                    .into()
            }
            StoreError::Refused(error) => domain_error(lang, error),
            StoreError::NotAllowed { role } => {
                format!("vai trò {} không được làm việc này", role.label(lang))
            }
            StoreError::ReadOnly => "mở ở chế độ chỉ đọc: không ghi được gì".into(),
            StoreError::NothingToUndo => "không có thay đổi nào của bạn để hoàn tác".into(),
            StoreError::Io(error) => format!("lỗi đọc/ghi: {}", io_error(lang, error)),
            StoreError::Sqlite(error) => sqlite_error_vi(error),
        }
    }
}

/// SQLite's error in Vietnamese, by its result code: the causes a user
/// can meet (another program holding the file, a read-only file, a full
/// disk, a damaged file) said; any other named by its code alone.
fn sqlite_error_vi(error: &rusqlite::Error) -> String {
    let Some(code) = error.sqlite_error_code() else {
        // Not an error of SQLite's engine: a value gavel could not read.
        return "dữ liệu trong tệp cuộc họp không đọc được".into();
    };
    match sqlite_code_vi(code) {
        Some(said) => said.into(),
        None => match error {
            rusqlite::Error::SqliteFailure(failure, _) => {
                format!("lỗi SQLite (mã {})", failure.extended_code)
            }
            _ => "lỗi SQLite".into(),
        },
    }
}

/// The result codes a user can meet, in Vietnamese.
fn sqlite_code_vi(code: ErrorCode) -> Option<&'static str> {
    Some(match code {
        ErrorCode::DatabaseBusy => "tệp đang được một chương trình khác ghi; hãy thử lại sau",
        ErrorCode::DatabaseLocked => "tệp đang bị khóa; hãy thử lại sau",
        ErrorCode::ReadOnly => "tệp chỉ cho đọc: không ghi được",
        ErrorCode::DatabaseCorrupt => "tệp cuộc họp bị hỏng",
        ErrorCode::NotADatabase => "không phải tệp cuộc họp của gavel",
        ErrorCode::DiskFull => "đĩa đã đầy",
        ErrorCode::CannotOpen => "không mở được tệp (thư mục không có hoặc không có quyền)",
        ErrorCode::SystemIoFailure => "lỗi đọc/ghi đĩa",
        ErrorCode::PermissionDenied => "không có quyền truy cập tệp",
        ErrorCode::OutOfMemory => "không đủ bộ nhớ",
        ErrorCode::FileLockingProtocolFailed => "không khóa được tệp",
        ErrorCode::TooBig => "dữ liệu quá lớn",
        ErrorCode::OperationInterrupted => "bị ngắt giữa chừng",
        _ => return None,
    })
}
