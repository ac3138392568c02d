//! Golden files (tests/golden/): a document compared with the one a person
//! read and accepted; `GAVEL_BLESS=1 cargo test --test NAME` rewrites them
//! (read the difference before committing it).

use std::path::{Path, PathBuf};

pub fn golden_path(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/golden")
        .join(name)
}

/// Compares `actual` with the golden file `name`, or rewrites it under
/// `GAVEL_BLESS=1`; a difference names its first line.
pub fn assert_golden(name: &str, actual: &str) {
    let path = golden_path(name);
    if std::env::var_os("GAVEL_BLESS").is_some_and(|v| v == "1") {
        std::fs::create_dir_all(path.parent().unwrap()).unwrap();
        std::fs::write(&path, actual).unwrap();
        return;
    }
    let expected = std::fs::read_to_string(&path)
        .unwrap_or_else(|e| panic!("{}: {e} (GAVEL_BLESS=1 writes it)", path.display()));
    if expected != actual {
        let first = expected
            .lines()
            .zip(actual.lines())
            .position(|(e, a)| e != a)
            .unwrap_or_else(|| expected.lines().count().min(actual.lines().count()));
        panic!(
            "{name} differs from the golden file at line {}:\n  expected: {:?}\n  actual:   {:?}\n\
             (GAVEL_BLESS=1 rewrites it)",
            first + 1,
            expected.lines().nth(first),
            actual.lines().nth(first),
        );
    }
}
