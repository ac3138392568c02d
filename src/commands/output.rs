//! Where an export lands: never over a meeting, and whole or not at all.
//!
//! An export written in place can be cut short (a kill, a full disk) and
//! still look complete under its final name, after the previous export was
//! already truncated. So every export goes to a hidden temporary file in
//! the same folder, is synced, and is renamed over the final name: a reader
//! sees the previous export or the new one, never a part.

use std::ffi::{OsStr, OsString};
use std::fs;
use std::io::{self, BufWriter, Write};
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{SystemTime, UNIX_EPOCH};

use super::{CommandError, output_error};
use crate::i18n::Lang;
use crate::store::is_meeting_file;

/// The files SQLite keeps beside a meeting while it is open (`-journal`
/// only in rollback mode, never gavel's, but SQLite would still read it).
const SIDECARS: [&str; 3] = ["-wal", "-shm", "-journal"];

/// Why an output path is refused.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Clash {
    /// The meeting being exported, or one of the files beside it.
    ThisMeeting,
    /// Another gavel meeting, or one of the files beside it.
    AnotherMeeting,
}

/// Whether writing to `out` would replace `meeting`, one of its sidecars,
/// or another meeting. Looked at before anything is written.
pub fn clash(out: &Path, meeting: &Path) -> Option<Clash> {
    let target = destination(out);
    let ours = meeting_files(meeting);
    if ours.iter().any(|file| same_file(file, &target)) {
        return Some(Clash::ThisMeeting);
    }
    // A sidecar that does not exist yet has no inode to compare: a file of
    // that name would be taken by SQLite as the meeting's own when it opens.
    let name = spelled(&target);
    if name.is_some() && ours.iter().any(|file| spelled(file) == name) {
        return Some(Clash::ThisMeeting);
    }
    meeting_behind(&target)
        .iter()
        .any(|file| is_meeting_file(file))
        .then_some(Clash::AnotherMeeting)
}

/// Writes what `write` produces to `path`, whole or not at all (see the
/// module). A device or a pipe (`/dev/null`, a FIFO) is written in place:
/// there is nothing to rename over, and it must not be replaced.
pub fn write_whole(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if fs::metadata(path).is_ok_and(|meta| !meta.is_file()) {
        let mut file = BufWriter::new(fs::File::create(path)?);
        return write(&mut file).and_then(|()| file.flush());
    }
    // Through a symlink, the file it points to is replaced, as writing in
    // place did; the link stays.
    let target = destination(path);
    let (temp, file) = create_temp(&target)?;
    let written = fill(file, &target, write).and_then(|()| fs::rename(&temp, &target));
    if written.is_err() {
        let _ = fs::remove_file(&temp);
    }
    written?;
    sync_folder(folder_of(&target))
}

/// Writes into the temporary file and syncs it. It takes the previous
/// export's mode (someone may have made it private); a new one has the
/// umask's default, as `File::create` gives.
fn fill(
    file: fs::File,
    target: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    if let Ok(previous) = fs::metadata(target) {
        file.set_permissions(previous.permissions())?;
    }
    let mut out = BufWriter::new(file);
    write(&mut out)?;
    out.into_inner()
        .map_err(io::IntoInnerError::into_error)?
        .sync_all()
}

/// A new hidden file beside `target`, created only if no file has its
/// name.
fn create_temp(target: &Path) -> io::Result<(PathBuf, fs::File)> {
    let name = target
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "not a file name"))?;
    let mut tries = 0;
    loop {
        tries += 1;
        let temp = folder_of(target).join(temp_name(name));
        match fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&temp)
        {
            Err(error) if error.kind() == io::ErrorKind::AlreadyExists && tries < 100 => {}
            opened => return opened.map(|file| (temp, file)),
        }
    }
}

/// `.NAME.tmp-PID-COUNTER-NANOS`: hidden, and unlikely to be taken; if it
/// is (even by a symlink planted there), `create_new` refuses it and the
/// next name is tried.
fn temp_name(name: &OsStr) -> OsString {
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let count = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |d| d.subsec_nanos());
    // Room for the rest within a file name's 255 bytes.
    let name = &name.as_bytes()[..name.len().min(200)];
    let mut temp = OsString::from(".");
    temp.push(OsStr::from_bytes(name));
    temp.push(format!(".tmp-{}-{count}-{nanos:x}", std::process::id()));
    temp
}

/// Makes the rename itself durable.
fn sync_folder(folder: &Path) -> io::Result<()> {
    match fs::File::open(folder)?.sync_all() {
        // A file system that cannot sync a folder has nothing more to do.
        Err(error) if error.kind() == io::ErrorKind::InvalidInput => Ok(()),
        synced => synced,
    }
}

/// `path` with its symlinks followed, even to a file that does not exist
/// yet: where writing to `path` would land.
fn destination(path: &Path) -> PathBuf {
    let mut target = path.to_path_buf();
    // As many links as the kernel follows before giving up (ELOOP).
    for _ in 0..40 {
        match fs::read_link(&target) {
            Ok(link) => target = folder_of(&target).join(link),
            Err(_) => break,
        }
    }
    target
}

fn folder_of(path: &Path) -> &Path {
    match path.parent() {
        Some(parent) if !parent.as_os_str().is_empty() => parent,
        _ => Path::new("."),
    }
}

/// The meeting file and its sidecars, by the name given and by the real
/// path (SQLite puts the sidecars beside the file a symlink points to).
fn meeting_files(meeting: &Path) -> Vec<PathBuf> {
    let real = fs::canonicalize(meeting).ok();
    [Some(meeting.to_path_buf()), real]
        .into_iter()
        .flatten()
        .flat_map(|base| {
            std::iter::once(base.clone()).chain(
                SIDECARS
                    .iter()
                    .map(move |suffix| with_suffix(&base, suffix)),
            )
        })
        .collect()
}

/// `path` and, if its name is a sidecar's, the meeting that sidecar
/// belongs to.
fn meeting_behind(path: &Path) -> Vec<PathBuf> {
    let bytes = path.as_os_str().as_bytes();
    let mut files = vec![path.to_path_buf()];
    for suffix in SIDECARS {
        if let Some(meeting) = bytes.strip_suffix(suffix.as_bytes()) {
            files.push(PathBuf::from(OsStr::from_bytes(meeting)));
        }
    }
    files
}

fn with_suffix(path: &Path, suffix: &str) -> PathBuf {
    let mut name = path.as_os_str().to_owned();
    name.push(suffix);
    name.into()
}

/// The same file by device and inode: catches a hard link, a symlink and
/// any other spelling of the path.
fn same_file(a: &Path, b: &Path) -> bool {
    match (fs::metadata(a), fs::metadata(b)) {
        (Ok(a), Ok(b)) => (a.dev(), a.ino()) == (b.dev(), b.ino()),
        _ => false,
    }
}

/// One spelling of a path that may not exist: its folder's real path and
/// its name.
fn spelled(path: &Path) -> Option<PathBuf> {
    let name = path.file_name()?;
    Some(fs::canonicalize(folder_of(path)).ok()?.join(name))
}

/// Writes what `write` produces to `out`, whole or not at all, or to the
/// standard output.
pub fn emit(
    out: Option<&Path>,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), CommandError> {
    match out {
        Some(path) => write_whole(path, write).map_err(output_error(path)),
        None => {
            let stdout = io::stdout();
            let mut lock = stdout.lock();
            write(&mut lock).map_err(output_error(Path::new("standard output")))
        }
    }
}

/// A document (the minutes, the notice, the follow-up report): Markdown
/// to `out` or the standard output, or, when `word`, a Word file to `out`
/// only (a usage error without it, before anything is made or written).
pub fn emit_document(
    out: Option<&Path>,
    word: bool,
    lang: Lang,
    markdown: impl FnOnce() -> String,
    docx: impl FnOnce() -> io::Result<Vec<u8>>,
) -> Result<(), CommandError> {
    if !word {
        let text = markdown();
        return emit(out, |w| w.write_all(text.as_bytes()));
    }
    let Some(path) = out else {
        return Err(CommandError::Usage(
            lang.texts().cli_docx_needs_output.into(),
        ));
    };
    let document = docx().map_err(output_error(path))?;
    emit(Some(path), |w| w.write_all(&document))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symlink_is_followed_even_to_a_missing_file() {
        let dir = tempfile::tempdir().unwrap();
        let link = dir.path().join("latest.json");
        std::os::unix::fs::symlink("exports/new.json", &link).unwrap();
        assert_eq!(destination(&link), dir.path().join("exports/new.json"));
        assert_eq!(
            destination(Path::new("plain.json")),
            Path::new("plain.json")
        );
    }

    #[test]
    fn a_failed_export_leaves_the_previous_one_and_no_temporary_file() {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join("out.csv");
        fs::write(&out, "previous").unwrap();
        let failed = write_whole(&out, |w| {
            w.write_all(b"half")?;
            Err(io::Error::other("the disk is full"))
        });
        assert!(failed.is_err());
        assert_eq!(fs::read_to_string(&out).unwrap(), "previous");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);

        write_whole(&out, |w| w.write_all(b"new")).unwrap();
        assert_eq!(fs::read_to_string(&out).unwrap(), "new");
        assert_eq!(fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_sidecar_names_its_meeting() {
        let behind = meeting_behind(Path::new("a/m.gavel-wal"));
        assert_eq!(behind, [PathBuf::from("a/m.gavel-wal"), "a/m.gavel".into()]);
    }
}
