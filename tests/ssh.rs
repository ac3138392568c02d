//! The secretary joins over real SSH, as in the room: a throwaway sshd on a
//! loopback port (its own host key, user key and config, nothing of the
//! system's touched), `ssh -tt` into the secretary's console in a pseudo
//! terminal. What she types reaches the chair's screen; when her connection
//! dies mid-sentence, her draft is in the file.

mod common;

use std::fs;
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::tmux::{Tmux, signal};
use common::*;
use gavel::domain::Role;
use gavel::store::Store;

const WAIT: Duration = Duration::from_secs(20);
const SSHD: &str = "/usr/sbin/sshd";

/// An sshd of the test's own; killed on drop.
struct Sshd {
    child: Child,
    port: u16,
    key: PathBuf,
}

impl Drop for Sshd {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn keygen(path: &Path) {
    let status = Command::new("ssh-keygen")
        .args(["-q", "-t", "ed25519", "-N", "", "-f"])
        .arg(path)
        .status()
        .expect("ssh-keygen (openssh-client)");
    assert!(status.success());
}

fn start_sshd(dir: &Path) -> Sshd {
    assert!(
        Path::new(SSHD).exists(),
        "{SSHD} is needed (apt-get install openssh-server; .ci/run does it)"
    );
    let host_key = dir.join("host_ed25519");
    let user_key = dir.join("user_ed25519");
    keygen(&host_key);
    keygen(&user_key);
    fs::copy(dir.join("user_ed25519.pub"), dir.join("authorized_keys")).unwrap();
    // A free loopback port (released just before sshd takes it).
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let config = dir.join("sshd_config");
    fs::write(
        &config,
        format!(
            "Port {port}\nListenAddress 127.0.0.1\nHostKey {}\nPidFile {}\nAuthorizedKeysFile {}\n\
             PasswordAuthentication no\nKbdInteractiveAuthentication no\nPubkeyAuthentication yes\n\
             UsePAM no\nStrictModes no\nPermitRootLogin prohibit-password\nAcceptEnv LANG LC_*\n\
             PrintMotd no\nLogLevel ERROR\n",
            host_key.display(),
            dir.join("sshd.pid").display(),
            dir.join("authorized_keys").display(),
        ),
    )
    .unwrap();
    // As root, sshd wants its privilege-separation directory (an empty
    // runtime folder the openssh service would create).
    if unsafe { libc::geteuid() } == 0 {
        fs::create_dir_all("/run/sshd").unwrap();
    }
    let child = Command::new(SSHD)
        .args(["-D", "-e", "-f"])
        .arg(&config)
        .stdout(Stdio::null())
        .stderr(Stdio::inherit())
        .spawn()
        .expect("start sshd");
    let start = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(start.elapsed() < WAIT, "sshd did not start listening");
        std::thread::sleep(Duration::from_millis(50));
    }
    Sshd {
        child,
        port,
        key: user_key,
    }
}

fn login_name() -> String {
    let output = Command::new("id").arg("-un").output().unwrap();
    String::from_utf8(output.stdout).unwrap().trim().to_string()
}

#[test]
fn the_secretary_joins_over_ssh_and_loses_nothing_when_the_connection_drops() {
    let dir = tempfile::tempdir().unwrap();
    let path = write_demo(&dir, "Minh");
    let sshd = start_sshd(dir.path());

    let tmux = Tmux::new("ssh");
    tmux.start(
        "chair",
        140,
        40,
        &format!(
            "{} open {} --as Minh --lang vi",
            gavel_bin(),
            path.display()
        ),
    );
    let remote = format!(
        "{} open {} --role secretary --as Lan --lang vi",
        gavel_bin(),
        path.display()
    );
    tmux.start(
        "lan",
        140,
        40,
        &format!(
            "ssh -tt -p {} -i {} -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null \
             -o IdentitiesOnly=yes -o BatchMode=yes -o LogLevel=ERROR {}@127.0.0.1 '{remote}'",
            sshd.port,
            sshd.key.display(),
            login_name()
        ),
    );
    tmux.wait_for("lan", WAIT, |s| s.contains("bạn: Lan (thư ký)"));
    tmux.wait_for("chair", WAIT, |s| s.contains("cùng họp: Lan (thư ký)"));

    // An issue typed over SSH reaches the chair.
    tmux.keys("lan", &["i"]);
    tmux.type_text("lan", "Hỏi qua SSH về lệ phí thẩm định");
    tmux.wait_for("chair", WAIT, |s| s.contains("Lan đang ghi phản ánh…"));
    tmux.keys("lan", &["C-s"]);
    tmux.keys("chair", &["3", "G"]);
    tmux.wait_for("chair", WAIT, |s| {
        s.contains("Hỏi qua SSH về lệ phí thẩm định")
    });

    // Mid-sentence, the connection dies: the ssh client is killed.
    tmux.keys("lan", &["i"]);
    let unfinished = "Kiến nghị đang gõ dở thì mất kết";
    tmux.type_text("lan", unfinished);
    tmux.wait_for("lan", WAIT, |s| s.contains(unfinished));
    signal(tmux.pane_pid("lan"), libc::SIGKILL);

    let draft = text_draft(&path, "Lan", Role::Secretary);
    assert_eq!(draft.text, unfinished);
    assert_eq!(draft.form, "issue/new");
    let store = Store::open(&path, options("Lan", Role::Secretary)).unwrap();
    let saved = store
        .record()
        .issues
        .values()
        .filter(|i| i.text == "Hỏi qua SSH về lệ phí thẩm định")
        .count();
    assert_eq!(saved, 1);

    // The secretary's gavel on the server side ends too (SIGHUP from sshd).
    let start = Instant::now();
    while gavel_running_as("Lan") {
        assert!(
            start.elapsed() < WAIT,
            "the secretary's gavel outlived its connection"
        );
        std::thread::sleep(Duration::from_millis(100));
    }
    tmux.keys("chair", &["q"]);
}

/// Is a gavel console running as `name` (a process, not a zombie)?
fn gavel_running_as(name: &str) -> bool {
    let Ok(entries) = fs::read_dir("/proc") else {
        return false;
    };
    entries.flatten().any(|entry| {
        let cmdline = fs::read(entry.path().join("cmdline")).unwrap_or_default();
        let cmdline = String::from_utf8_lossy(&cmdline).replace('\0', " ");
        let stat = fs::read_to_string(entry.path().join("stat")).unwrap_or_default();
        let zombie = stat
            .rsplit(')')
            .next()
            .is_some_and(|s| s.trim_start().starts_with('Z'));
        !zombie
            && cmdline.contains(gavel_bin())
            && cmdline.contains(&format!("--as {name}"))
            && !cmdline.starts_with("ssh")
            && !cmdline.contains("ssh -tt")
    })
}
