//! What the system says about files, accounts and this process: `stat`,
//! the user and group databases, the umask, `access`. Nothing here
//! changes anything.

use std::ffi::{CStr, CString};
use std::io;
use std::os::unix::ffi::OsStrExt;
use std::os::unix::fs::MetadataExt;
use std::path::Path;

use super::sharing::Node;

/// `path` as `stat` sees it (following a symbolic link, as SQLite does).
pub fn node(path: &Path) -> io::Result<Node> {
    let meta = std::fs::metadata(path)?;
    Ok(Node {
        path: path.to_path_buf(),
        uid: meta.uid(),
        gid: meta.gid(),
        mode: meta.mode() & 0o7777,
        owner: user_name(meta.uid()).unwrap_or_else(|| meta.uid().to_string()),
        group: group_name(meta.gid()).unwrap_or_else(|| meta.gid().to_string()),
    })
}

/// The folders above `folder` (an absolute path), nearest first.
pub fn ancestors(folder: &Path) -> Vec<Node> {
    folder
        .ancestors()
        .skip(1)
        .filter_map(|above| node(above).ok())
        .collect()
}

/// The name of user `uid`, from the system's user database.
pub fn user_name(uid: u32) -> Option<String> {
    crate::config::account_name(uid)
}

/// The name of group `gid` and its listed members.
fn group_entry(gid: u32) -> Option<(String, Vec<String>)> {
    let mut buffer = vec![0 as libc::c_char; 65_536];
    // SAFETY: an all-zero group is a valid value to be written over.
    let mut entry: libc::group = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::group = std::ptr::null_mut();
    // SAFETY: as in `user_name`.
    let status = unsafe {
        libc::getgrgid_r(
            gid,
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    if status != 0 || found.is_null() || entry.gr_name.is_null() {
        return None;
    }
    // SAFETY: getgrgid_r succeeded: gr_name is a C string and gr_mem a
    // null-terminated array of C strings, all in `buffer`.
    unsafe {
        let name = CStr::from_ptr(entry.gr_name).to_string_lossy().into_owned();
        let mut members = Vec::new();
        let mut at = entry.gr_mem;
        while !at.is_null() && !(*at).is_null() {
            members.push(CStr::from_ptr(*at).to_string_lossy().into_owned());
            at = at.add(1);
        }
        Some((name, members))
    }
}

/// The number of the group named `name`.
pub fn group_id(name: &str) -> Option<u32> {
    let name = CString::new(name).ok()?;
    let mut buffer = vec![0 as libc::c_char; 65_536];
    // SAFETY: an all-zero group is a valid value to be written over.
    let mut entry: libc::group = unsafe { std::mem::zeroed() };
    let mut found: *mut libc::group = std::ptr::null_mut();
    // SAFETY: as in `user_name`; `name` lives across the call.
    let status = unsafe {
        libc::getgrnam_r(
            name.as_ptr(),
            &mut entry,
            buffer.as_mut_ptr(),
            buffer.len(),
            &mut found,
        )
    };
    (status == 0 && !found.is_null()).then_some(entry.gr_gid)
}

pub fn group_name(gid: u32) -> Option<String> {
    group_entry(gid).map(|(name, _)| name)
}

/// The accounts in group `gid`: its listed members and the accounts whose
/// primary group it is (read from /etc/passwd). `None` when the group is
/// unknown to the system.
pub fn group_members(gid: u32) -> Option<Vec<String>> {
    let (_, mut members) = group_entry(gid)?;
    let passwd = std::fs::read_to_string("/etc/passwd").unwrap_or_default();
    for line in passwd.lines() {
        let fields: Vec<&str> = line.split(':').collect();
        if fields.len() > 3
            && fields[3] == gid.to_string()
            && !members.iter().any(|m| m == fields[0])
        {
            members.push(fields[0].to_string());
        }
    }
    Some(members)
}

/// This process's umask, read from /proc (setting it to read it would
/// change it, however briefly, for every thread).
pub fn umask() -> Option<u32> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let value = status
        .lines()
        .find_map(|line| line.strip_prefix("Umask:"))?;
    u32::from_str_radix(value.trim(), 8).ok()
}

/// Whether this process may do `mode` (`libc::R_OK`, `W_OK`, `X_OK`
/// together) on `path`, as its effective user and groups.
pub fn may(path: &Path, mode: libc::c_int) -> bool {
    let Ok(name) = CString::new(path.as_os_str().as_bytes()) else {
        return false;
    };
    // SAFETY: `name` is a C string that lives across the call.
    unsafe { libc::faccessat(libc::AT_FDCWD, name.as_ptr(), mode, libc::AT_EACCESS) == 0 }
}

/// Who runs this process: the effective user's name (or number).
pub fn this_account() -> String {
    // SAFETY: geteuid cannot fail and touches no memory of ours.
    let uid = unsafe { libc::geteuid() };
    user_name(uid).unwrap_or_else(|| uid.to_string())
}
