//! The shape of the code: no module imports another that imports it back,
//! at any level of `src/` (siblings under the same parent, the crate's own
//! modules included); the domain imports no other module; the console's
//! model knows no file and no terminal; the view never touches the file.
//!
//! A small reader of `use` trees and `crate::`/`super::`/`self::` paths; a
//! child's use of its own parent (and the parent's re-export of its
//! children) is not a circle: a parent and its children are one module.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};

/// Every source file with its module path (`["app", "form", "kind"]`).
fn modules() -> Vec<(Vec<String>, String)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let mut files = Vec::new();
    walk(&root, &mut files);
    files
        .into_iter()
        .filter(|path| path.file_name().is_some_and(|n| n != "main.rs"))
        .map(|path| {
            let relative = path.strip_prefix(&root).unwrap().with_extension("");
            let mut parts: Vec<String> = relative
                .iter()
                .map(|p| p.to_string_lossy().into_owned())
                .collect();
            if parts.last().is_some_and(|p| p == "mod" || p == "lib") {
                parts.pop();
            }
            let text = std::fs::read_to_string(&path).unwrap();
            (parts, text)
        })
        .collect()
}

fn walk(dir: &Path, files: &mut Vec<PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            walk(&path, files);
        } else if path.extension().is_some_and(|e| e == "rs") {
            files.push(path);
        }
    }
}

/// The paths a file names: each `use` tree flattened, and every
/// `crate::…`, `super::…` and `self::…` path in the code.
fn paths_in(text: &str) -> Vec<Vec<String>> {
    let code: String = text
        .lines()
        .map(|line| match line.find("//") {
            Some(at) => &line[..at],
            None => line,
        })
        .collect::<Vec<_>>()
        .join("\n");
    let mut paths = Vec::new();
    // `use` statements start a line (after `pub`, `pub(crate)`...).
    let lines: Vec<&str> = code.lines().collect();
    for (i, line) in lines.iter().enumerate() {
        let line = line.trim_start();
        let statement = line
            .strip_prefix("use ")
            .or_else(|| line.split_once(") use ").map(|(_, rest)| rest))
            .or_else(|| line.strip_prefix("pub use "));
        let Some(start) = statement else { continue };
        let mut text = start.to_string();
        let mut next = i + 1;
        while !text.contains(';') && next < lines.len() {
            text.push(' ');
            text.push_str(lines[next]);
            next += 1;
        }
        let end = text.find(';').unwrap_or(text.len());
        flatten(text[..end].trim(), &mut Vec::new(), &mut paths);
    }
    for start in ["crate::", "super::", "self::"] {
        let mut rest = code.as_str();
        while let Some(at) = rest.find(start) {
            let before = rest[..at].chars().last();
            let tail = &rest[at..];
            rest = &rest[at + start.len()..];
            if before.is_some_and(|c| c.is_alphanumeric() || c == '_' || c == ':') {
                continue;
            }
            let path: Vec<String> = tail
                .split("::")
                .map(|s| {
                    s.chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_')
                        .collect::<String>()
                })
                .take_while(|s| !s.is_empty())
                .collect();
            paths.push(path);
        }
    }
    paths
}

/// `a::{b, c::{d, e}}` into `a::b`, `a::c::d`, `a::c::e`.
fn flatten(tree: &str, prefix: &mut Vec<String>, out: &mut Vec<Vec<String>>) {
    let tree = tree.trim();
    if let Some(open) = tree.find('{') {
        let head: Vec<String> = tree[..open]
            .split("::")
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(String::from)
            .collect();
        let inner = &tree[open + 1..tree.rfind('}').unwrap_or(tree.len())];
        let depth = prefix.len();
        prefix.extend(head);
        for part in split_top(inner) {
            flatten(part, prefix, out);
        }
        prefix.truncate(depth);
    } else {
        let name = tree.split(" as ").next().unwrap_or("").trim();
        let mut path = prefix.clone();
        path.extend(
            name.split("::")
                .map(str::trim)
                .filter(|s| !s.is_empty() && *s != "*")
                .map(String::from),
        );
        if !path.is_empty() {
            out.push(path);
        }
    }
}

/// Splits on the commas that are not inside braces.
fn split_top(text: &str) -> Vec<&str> {
    let mut parts = Vec::new();
    let (mut depth, mut start) = (0, 0);
    for (i, c) in text.char_indices() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            ',' if depth == 0 => {
                parts.push(&text[start..i]);
                start = i + 1;
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts.into_iter().filter(|p| !p.trim().is_empty()).collect()
}

/// The module a path names, from the file at `here`: as far as the path
/// follows modules that exist.
fn resolve(
    here: &[String],
    is_dir_module: bool,
    path: &[String],
    known: &BTreeSet<Vec<String>>,
) -> Option<Vec<String>> {
    let mut base: Vec<String> = match path.first()?.as_str() {
        "crate" => Vec::new(),
        "self" => here.to_vec(),
        "super" => {
            // In `a/b.rs` (module a::b) and in `a/b/mod.rs` alike, `super`
            // is `a`.
            let _ = is_dir_module;
            let mut up = here.to_vec();
            up.pop();
            up
        }
        _ => return None,
    };
    let mut segments = &path[1..];
    while segments.first().is_some_and(|s| s == "super") {
        base.pop();
        segments = &segments[1..];
    }
    for segment in segments {
        let mut next = base.clone();
        next.push(segment.clone());
        if known.contains(&next) {
            base = next;
        } else {
            break;
        }
    }
    Some(base)
}

/// Edges between siblings: for each parent, which child uses which.
fn sibling_edges() -> BTreeMap<Vec<String>, BTreeSet<(String, String)>> {
    let modules = modules();
    let known: BTreeSet<Vec<String>> = modules.iter().map(|(m, _)| m.clone()).collect();
    let mut edges: BTreeMap<Vec<String>, BTreeSet<(String, String)>> = BTreeMap::new();
    for (module, text) in &modules {
        for path in paths_in(text) {
            let Some(target) = resolve(module, false, &path, &known) else {
                continue;
            };
            let common = module
                .iter()
                .zip(&target)
                .take_while(|(a, b)| a == b)
                .count();
            if common < module.len() && common < target.len() {
                edges
                    .entry(module[..common].to_vec())
                    .or_default()
                    .insert((module[common].clone(), target[common].clone()));
            }
        }
    }
    edges
}

/// A circle among `edges`, if there is one.
fn circle(edges: &BTreeSet<(String, String)>) -> Option<Vec<String>> {
    let nodes: BTreeSet<&String> = edges.iter().flat_map(|(a, b)| [a, b]).collect();
    for start in nodes {
        let mut stack = vec![(start.clone(), vec![start.clone()])];
        let mut seen = BTreeSet::new();
        while let Some((node, trail)) = stack.pop() {
            for (_, next) in edges.iter().filter(|(from, _)| *from == node) {
                if next == start {
                    let mut circle = trail.clone();
                    circle.push(next.clone());
                    return Some(circle);
                }
                if seen.insert(next.clone()) {
                    let mut trail = trail.clone();
                    trail.push(next.clone());
                    stack.push((next.clone(), trail));
                }
            }
        }
    }
    None
}

#[test]
fn no_module_imports_one_that_imports_it_back() {
    let edges = sibling_edges();
    assert!(
        edges.get(&Vec::new()).is_some_and(|e| e.len() > 20),
        "the reader found too few imports between the crate's modules: {edges:?}"
    );
    let circles: Vec<String> = edges
        .iter()
        .filter_map(|(parent, edges)| {
            circle(edges).map(|c| format!("in crate::{}: {}", parent.join("::"), c.join(" → ")))
        })
        .collect();
    assert!(
        circles.is_empty(),
        "import circles:\n{}",
        circles.join("\n")
    );
}

#[test]
fn the_layers_point_one_way() {
    let top = sibling_edges().remove(&Vec::new()).unwrap_or_default();
    let uses = |from: &str| -> BTreeSet<String> {
        top.iter()
            .filter(|(a, _)| a == from)
            .map(|(_, b)| b.clone())
            .collect()
    };
    let allowed = |from: &str, may: &[&str]| {
        let used = uses(from);
        let extra: Vec<&String> = used.iter().filter(|m| !may.contains(&m.as_str())).collect();
        assert!(extra.is_empty(), "{from} uses {extra:?}");
    };
    // The record's rules know nothing else.
    allowed("domain", &["string_enum"]);
    allowed("i18n", &["domain"]);
    // The console's model: no file, no terminal, no drawing.
    allowed("app", &["domain", "i18n", "input", "session"]);
    // The session: the file, no screen.
    allowed("session", &["domain", "i18n", "store"]);
    // The view draws the model and a snapshot of the session; it never
    // touches the file.
    allowed(
        "ui",
        &[
            "app", "config", "domain", "export", "i18n", "input", "session",
        ],
    );
}

#[test]
fn the_reader_of_use_trees_is_right() {
    let mut out = Vec::new();
    flatten(
        "crate::app::{Console, form::{Form, FormKind as K}}",
        &mut Vec::new(),
        &mut out,
    );
    let joined: Vec<String> = out.iter().map(|p| p.join("::")).collect();
    assert_eq!(
        joined,
        [
            "crate::app::Console",
            "crate::app::form::Form",
            "crate::app::form::FormKind"
        ]
    );
    let known: BTreeSet<Vec<String>> = [vec!["app".to_string()], vec!["app".into(), "form".into()]]
        .into_iter()
        .collect();
    let here = vec!["app".to_string(), "typing".to_string()];
    let path: Vec<String> = ["super", "form", "Form"].map(String::from).to_vec();
    assert_eq!(
        resolve(&here, false, &path, &known),
        Some(vec!["app".to_string(), "form".to_string()])
    );
    let mut edges = BTreeSet::new();
    edges.insert(("a".to_string(), "b".to_string()));
    edges.insert(("b".to_string(), "a".to_string()));
    assert!(circle(&edges).is_some());
    edges.remove(&("b".to_string(), "a".to_string()));
    assert!(circle(&edges).is_none());
}
