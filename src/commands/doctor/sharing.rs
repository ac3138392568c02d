//! Whether a second account in a meeting file's group can open it to
//! write: a pure verdict over the modes, owners and groups of the folder,
//! the file and SQLite's companions (`-wal`, `-shm`), the folders above
//! and the umask, so that every case is tested without a second account.
//!
//! What SQLite needs (its unix VFS): to write the file, read and write on
//! it; to create `-wal` and `-shm` beside it when the first console opens
//! it, write and search on the folder. It gives them the meeting file's
//! permission bits (it sets them itself, whatever the umask), but their
//! group is the folder's when the folder has the setgid bit, else the
//! group of whoever opened the meeting first: without setgid, the chair's
//! own group, which the secretary is not in.

use std::path::PathBuf;

/// A file or folder as `stat` sees it, with its owner's and group's names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Node {
    pub path: PathBuf,
    pub uid: u32,
    pub gid: u32,
    /// The permission bits with setuid, setgid and sticky (`st_mode & 0o7777`).
    pub mode: u32,
    pub owner: String,
    pub group: String,
}

/// What the verdict looks at; gathered by `super::gather`.
#[derive(Debug, Clone)]
pub struct Facts {
    /// The group asked for (`--group`), if any.
    pub group: Option<(u32, String)>,
    pub folder: Node,
    /// `None`: the meeting file is not there (yet).
    pub file: Option<Node>,
    pub wal: Option<Node>,
    pub shm: Option<Node>,
    /// The folders above the meeting's folder, nearest first.
    pub ancestors: Vec<Node>,
    /// The accounts in the meeting's group (its members and those whose
    /// primary group it is); `None` when they cannot be listed.
    pub members: Option<Vec<String>>,
    /// This process's umask; `None` when it cannot be read.
    pub umask: Option<u32>,
}

const SETGID: u32 = 0o2000;
const GROUP_R: u32 = 0o040;
const GROUP_W: u32 = 0o020;
const GROUP_X: u32 = 0o010;
const OTHER_X: u32 = 0o001;

/// One thing the verdict says, with the facts its words need.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Finding {
    /// The folder: its group is not the meeting's, or it lacks group
    /// write, search or setgid.
    Folder {
        wrong_group: bool,
        no_write: bool,
        no_search: bool,
        no_setgid: bool,
    },
    /// The file (or a companion): not in the meeting's group, or not
    /// readable and writable by it.
    File {
        which: Which,
        wrong_group: bool,
        no_read_write: bool,
    },
    /// A companion that is not there: SQLite creates it when the meeting
    /// is opened to write.
    Absent(Which),
    /// Folders above that the group cannot pass through.
    Blocked(Vec<PathBuf>),
    /// The meeting's group and who is in it besides the file's owner.
    Members { others: Option<Vec<String>> },
    /// The umask, and whether it takes group write away.
    Umask { value: Option<u32> },
}

/// The meeting file or one of its companions.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Meeting,
    Wal,
    Shm,
}

/// A finding, whether it needs fixing, and the commands that fix it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Line {
    pub finding: Finding,
    pub status: Status,
    pub fixes: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Ok,
    /// Worth knowing; nothing fails because of it.
    Note,
    /// A second account cannot open the meeting to write until fixed.
    Fix,
}

/// The group the meeting is meant to be shared in: the one asked for
/// (`--group`), else the folder's when the folder hands its group down
/// (setgid) or there is no file yet, else the file's.
pub fn meeting_group(
    folder: &Node,
    file: Option<&Node>,
    asked: Option<(u32, String)>,
) -> (u32, String) {
    match (asked, file) {
        (Some(asked), _) => asked,
        (None, Some(file)) if folder.mode & SETGID == 0 => (file.gid, file.group.clone()),
        _ => (folder.gid, folder.group.clone()),
    }
}

/// The verdict, line by line. `account` stands for the second account in
/// a fix command (the user's language's word for it).
pub fn verdict(facts: &Facts, account: &str) -> Vec<Line> {
    let (gid, group) = meeting_group(&facts.folder, facts.file.as_ref(), facts.group.clone());
    let mut lines = vec![folder_line(&facts.folder, gid, &group)];
    for (which, node) in [
        (Which::Meeting, &facts.file),
        (Which::Wal, &facts.wal),
        (Which::Shm, &facts.shm),
    ] {
        match node {
            Some(node) => lines.push(file_line(which, node, gid, &group)),
            // A missing meeting file is said by the caller (with how to
            // create it); missing companions are fine.
            None if which == Which::Meeting => {}
            None => lines.push(Line {
                finding: Finding::Absent(which),
                status: Status::Ok,
                fixes: Vec::new(),
            }),
        }
    }
    lines.push(ancestors_line(&facts.ancestors, gid));
    let owner = facts.file.as_ref().unwrap_or(&facts.folder).owner.as_str();
    lines.push(members_line(
        facts.members.as_deref(),
        owner,
        &group,
        account,
    ));
    lines.push(umask_line(facts.umask));
    lines
}

fn folder_line(folder: &Node, gid: u32, group: &str) -> Line {
    let wrong_group = folder.gid != gid;
    let no_write = folder.mode & GROUP_W == 0;
    let no_search = folder.mode & GROUP_X == 0;
    let no_setgid = folder.mode & SETGID == 0;
    let path = quote(&folder.path.to_string_lossy());
    let mut fixes = Vec::new();
    if wrong_group {
        fixes.push(format!("chgrp {} {path}", quote(group)));
    }
    let bits: String = [(no_write, 'w'), (no_search, 'x'), (no_setgid, 's')]
        .iter()
        .filter(|(missing, _)| *missing)
        .map(|(_, bit)| *bit)
        .collect();
    if !bits.is_empty() {
        fixes.push(format!("chmod g+{bits} {path}"));
    }
    Line {
        status: if fixes.is_empty() {
            Status::Ok
        } else {
            Status::Fix
        },
        finding: Finding::Folder {
            wrong_group,
            no_write,
            no_search,
            no_setgid,
        },
        fixes,
    }
}

fn file_line(which: Which, node: &Node, gid: u32, group: &str) -> Line {
    let wrong_group = node.gid != gid;
    let no_read_write = node.mode & (GROUP_R | GROUP_W) != GROUP_R | GROUP_W;
    let path = quote(&node.path.to_string_lossy());
    let mut fixes = Vec::new();
    if wrong_group {
        fixes.push(format!("chgrp {} {path}", quote(group)));
    }
    if no_read_write {
        fixes.push(format!("chmod g+rw {path}"));
    }
    Line {
        status: if fixes.is_empty() {
            Status::Ok
        } else {
            Status::Fix
        },
        finding: Finding::File {
            which,
            wrong_group,
            no_read_write,
        },
        fixes,
    }
}

/// Every folder above must let the group search it: other accounts'
/// search bit, or the group's when the folder is in the meeting's group.
fn ancestors_line(ancestors: &[Node], gid: u32) -> Line {
    let blocked: Vec<&Node> = ancestors
        .iter()
        .filter(|node| node.mode & OTHER_X == 0 && !(node.gid == gid && node.mode & GROUP_X != 0))
        .collect();
    Line {
        status: if blocked.is_empty() {
            Status::Ok
        } else {
            Status::Fix
        },
        fixes: blocked
            .iter()
            .map(|node| format!("chmod o+x {}", quote(&node.path.to_string_lossy())))
            .collect(),
        finding: Finding::Blocked(blocked.iter().map(|node| node.path.clone()).collect()),
    }
}

/// A group with nobody in it but the file's owner shares with nobody.
fn members_line(members: Option<&[String]>, owner: &str, group: &str, account: &str) -> Line {
    let others: Option<Vec<String>> =
        members.map(|all| all.iter().filter(|m| *m != owner).cloned().collect());
    let alone = others.as_ref().is_some_and(Vec::is_empty);
    Line {
        status: if alone { Status::Fix } else { Status::Ok },
        fixes: if alone {
            vec![format!("sudo usermod -aG {} {account}", quote(group))]
        } else {
            Vec::new()
        },
        finding: Finding::Members { others },
    }
}

/// SQLite gives `-wal` and `-shm` the meeting's bits whatever the umask,
/// and gavel sets the modes of the files it creates; but a meeting copied
/// in with `cp`, or a folder made with `mkdir`, takes the umask's: a
/// umask that takes group write away is a note, not a failure.
fn umask_line(value: Option<u32>) -> Line {
    let takes_group_write = value.is_some_and(|mask| mask & GROUP_W != 0);
    Line {
        status: if takes_group_write {
            Status::Note
        } else {
            Status::Ok
        },
        fixes: if takes_group_write {
            vec!["umask 002".to_string()]
        } else {
            Vec::new()
        },
        finding: Finding::Umask { value },
    }
}

/// `text` as one word for a POSIX shell: as it is when it holds only
/// characters no shell reads specially, else in single quotes.
pub fn quote(text: &str) -> String {
    let plain = !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "_-./:,+@%=".contains(c));
    if plain {
        text.to_string()
    } else {
        format!("'{}'", text.replace('\'', r"'\''"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn node(path: &str, gid: u32, mode: u32) -> Node {
        Node {
            path: PathBuf::from(path),
            uid: 1000,
            gid,
            mode,
            owner: "chair".into(),
            group: format!("g{gid}"),
        }
    }

    /// The README's setup: a 2770 folder of group 50, a 0660 file in it.
    fn shared() -> Facts {
        Facts {
            group: None,
            folder: node("/srv/meetings", 50, 0o2770),
            file: Some(node("/srv/meetings/a.gavel", 50, 0o660)),
            wal: None,
            shm: None,
            ancestors: vec![node("/srv", 0, 0o755), node("/", 0, 0o755)],
            members: Some(vec!["chair".into(), "lan".into()]),
            umask: Some(0o002),
        }
    }

    fn fixes(facts: &Facts) -> Vec<String> {
        verdict(facts, "ACCOUNT")
            .into_iter()
            .filter(|line| line.status == Status::Fix)
            .flat_map(|line| line.fixes)
            .collect()
    }

    #[test]
    fn the_readme_setup_needs_nothing() {
        let lines = verdict(&shared(), "ACCOUNT");
        assert!(lines.iter().all(|l| l.status == Status::Ok), "{lines:#?}");
        assert!(lines.contains(&Line {
            finding: Finding::Absent(Which::Wal),
            status: Status::Ok,
            fixes: vec![],
        }));
    }

    #[test]
    fn a_plain_0755_folder_needs_group_write_search_and_setgid() {
        let mut facts = shared();
        facts.folder.mode = 0o755;
        assert_eq!(fixes(&facts), ["chmod g+ws /srv/meetings"]);
        facts.folder.mode = 0o700;
        assert_eq!(fixes(&facts), ["chmod g+wxs /srv/meetings"]);
        facts.folder.mode = 0o2750;
        assert_eq!(fixes(&facts), ["chmod g+w /srv/meetings"]);
    }

    #[test]
    fn a_private_file_needs_group_read_and_write() {
        let mut facts = shared();
        facts.file.as_mut().unwrap().mode = 0o600;
        assert_eq!(fixes(&facts), ["chmod g+rw /srv/meetings/a.gavel"]);
        facts.file.as_mut().unwrap().mode = 0o640;
        assert_eq!(fixes(&facts), ["chmod g+rw /srv/meetings/a.gavel"]);
    }

    #[test]
    fn in_a_setgid_folder_the_folders_group_is_the_meetings() {
        // Created before the folder was set up: the chair's own group.
        let mut facts = shared();
        let file = facts.file.as_mut().unwrap();
        (file.gid, file.group) = (1000, "chair".into());
        assert_eq!(fixes(&facts), ["chgrp g50 /srv/meetings/a.gavel"]);
        // Without setgid the file's group is meant, and the folder follows.
        facts.folder.mode = 0o770;
        assert_eq!(
            fixes(&facts),
            ["chgrp chair /srv/meetings", "chmod g+s /srv/meetings"]
        );
    }

    #[test]
    fn the_group_asked_for_outranks_the_folders_and_the_files() {
        // A folder given the group but not setgid, a file made before.
        let mut facts = shared();
        facts.folder.mode = 0o755;
        facts.file.as_mut().unwrap().gid = 0;
        facts.file.as_mut().unwrap().group = "root".into();
        facts.group = Some((50, "g50".into()));
        assert_eq!(
            fixes(&facts),
            [
                "chmod g+ws /srv/meetings",
                "chgrp g50 /srv/meetings/a.gavel"
            ]
        );
    }

    #[test]
    fn companions_left_in_the_wrong_group_are_named() {
        let mut facts = shared();
        facts.wal = Some(node("/srv/meetings/a.gavel-wal", 1000, 0o660));
        facts.shm = Some(node("/srv/meetings/a.gavel-shm", 50, 0o644));
        assert_eq!(
            fixes(&facts),
            [
                "chgrp g50 /srv/meetings/a.gavel-wal",
                "chmod g+rw /srv/meetings/a.gavel-shm"
            ]
        );
    }

    #[test]
    fn a_folder_above_that_others_cannot_enter_blocks_the_group() {
        let mut facts = shared();
        facts.ancestors[0] = node("/home/chair", 1000, 0o700);
        assert_eq!(fixes(&facts), ["chmod o+x /home/chair"]);
        // The group's own search bit is enough on a folder of its group.
        facts.ancestors[0] = node("/home/chair", 50, 0o710);
        assert!(fixes(&facts).is_empty());
    }

    #[test]
    fn a_group_of_the_owner_alone_shares_with_nobody() {
        let mut facts = shared();
        facts.members = Some(vec!["chair".into()]);
        assert_eq!(fixes(&facts), ["sudo usermod -aG g50 ACCOUNT"]);
        facts.members = None;
        assert!(fixes(&facts).is_empty(), "unknown members: no verdict");
    }

    #[test]
    fn a_umask_taking_group_write_is_a_note_with_its_fix() {
        let mut facts = shared();
        facts.umask = Some(0o022);
        let line = verdict(&facts, "ACCOUNT").pop().unwrap();
        assert_eq!(line.status, Status::Note);
        assert_eq!(line.fixes, ["umask 002"]);
        facts.umask = Some(0o007);
        assert_eq!(verdict(&facts, "ACCOUNT").pop().unwrap().status, Status::Ok);
    }

    #[test]
    fn without_a_file_the_folder_is_judged_for_its_own_group() {
        let mut facts = shared();
        facts.file = None;
        facts.folder.mode = 0o755;
        assert_eq!(fixes(&facts), ["chmod g+ws /srv/meetings"]);
    }

    #[test]
    fn paths_are_quoted_for_the_shell() {
        assert_eq!(quote("/srv/meetings/a.gavel"), "/srv/meetings/a.gavel");
        assert_eq!(quote("/srv/họp tháng/a.gavel"), "'/srv/họp tháng/a.gavel'");
        assert_eq!(quote("it's"), r"'it'\''s'");
        assert_eq!(quote(""), "''");
        assert_eq!(quote("$HOME"), "'$HOME'");
    }
}
