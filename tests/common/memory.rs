//! Peak memory of a gavel process, and the generated meeting it is
//! measured on.

use std::path::{Path, PathBuf};

use gavel::domain::Role;
use gavel::generate::{Size, create_large};

use super::*;

/// The large meeting at a `divisor`th of its size: at a tenth, some
/// 20,000 journal entries and 500 issues; its Word minutes' XML weighs
/// megabytes.
pub fn scaled_meeting(dir: &tempfile::TempDir, divisor: usize) -> PathBuf {
    let path = meeting_path(dir);
    let size = Size::scaled(divisor);
    drop(create_large(&path, fast_options("chair", Role::Chair), size, demo_now()).unwrap());
    path
}

/// Runs `gavel export FILE ARGS` to its end; its peak resident memory in
/// bytes (the kernel's high-water mark for that one child, from wait4).
// wait4 reaps the child (std's `wait` cannot give its rusage).
#[allow(clippy::zombie_processes)]
pub fn export_peak(file: &Path, args: &[&str]) -> u64 {
    let child = gavel_command()
        .arg("export")
        .arg(file)
        .args(args)
        .args(["--lang", "vi"])
        .spawn()
        .expect("run gavel");
    let pid = child.id() as libc::pid_t;
    let mut status = 0;
    // SAFETY: an all-zero rusage is a valid value, filled in by wait4.
    let mut usage: libc::rusage = unsafe { std::mem::zeroed() };
    // SAFETY: wait4 on our own child, with valid pointers.
    let waited = unsafe { libc::wait4(pid, &mut status, 0, &mut usage) };
    assert_eq!(waited, pid, "wait4: {}", std::io::Error::last_os_error());
    assert!(
        libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0,
        "gavel export {args:?} failed: {status}"
    );
    // Linux gives ru_maxrss in kilobytes.
    usage.ru_maxrss as u64 * 1024
}
