//! Which participants a typed name means, for the person fields of the
//! forms. Accents and case aside, đ as d ("dang" finds "Đặng Quốc Bảo");
//! the words typed may come in any order and be the beginnings of the
//! name's words ("tran binh" finds "Trần Thị Bình"); the full name itself
//! is offered too, first, so that Enter takes that very person.

use crate::domain::text::fold;
use crate::domain::*;

/// How well a participant matches what was typed; the lower the better.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
enum Strength {
    /// The same name.
    Exact,
    /// One of those offered first (who spoke under the item).
    Expected,
    /// Each word typed begins a different word of the name.
    Words,
    /// Each word typed is somewhere in the name, or what was typed is in
    /// the organization.
    Inside,
}

/// The participants `typed` may mean, the most likely first: the same
/// name, then those of `first` (in their order), then those whose name's
/// words begin with the words typed, then the others that contain them;
/// each group in the order of the list.
pub fn matching<'r>(
    record: &'r Record,
    typed: &str,
    first: &[&Participant],
) -> Vec<&'r Participant> {
    let typed = fold(typed);
    let words: Vec<&str> = typed.split_whitespace().collect();
    if words.is_empty() {
        return Vec::new();
    }
    let order = |p: &Participant| first.iter().position(|f| f.id == p.id);
    let mut found: Vec<(Strength, Option<usize>, &Participant)> = record
        .participants
        .values()
        .filter_map(|p| {
            let strength = strength(&fold(&p.name), &fold(&p.organization), &words)?;
            let strength = match (strength, order(p)) {
                (Strength::Exact, _) => Strength::Exact,
                (_, Some(_)) => Strength::Expected,
                (other, None) => other,
            };
            Some((strength, order(p), p))
        })
        .collect();
    found.sort_by_key(|(strength, order, p)| (*strength, *order, p.id));
    found.into_iter().map(|(_, _, p)| p).collect()
}

/// Whether the folded `name` (or `organization`) matches the folded words
/// typed, and how well.
fn strength(name: &str, organization: &str, typed: &[&str]) -> Option<Strength> {
    let parts: Vec<&str> = name.split_whitespace().collect();
    if parts == typed {
        return Some(Strength::Exact);
    }
    if begins_words(&parts, typed) {
        return Some(Strength::Words);
    }
    let joined = typed.join(" ");
    let inside = typed.iter().all(|w| name.contains(w)) || organization.contains(joined.as_str());
    inside.then_some(Strength::Inside)
}

/// Whether each word typed begins a different word of the name, in any
/// order ("binh tran" and "tran binh" both fit "tran thi binh").
fn begins_words(parts: &[&str], typed: &[&str]) -> bool {
    // Few words on each side: a greedy match of the longest words typed
    // first is enough (a longer word has fewer places to go).
    let mut typed: Vec<&str> = typed.to_vec();
    typed.sort_by_key(|w| std::cmp::Reverse(w.len()));
    let mut used = vec![false; parts.len()];
    typed.iter().all(|word| {
        let free = parts
            .iter()
            .enumerate()
            .find(|(i, part)| !used[*i] && part.starts_with(word));
        match free {
            Some((i, _)) => {
                used[i] = true;
                true
            }
            None => false,
        }
    })
}

/// The participant a typed name is, the same name accents, case and
/// spaces aside; the first of the list when several have it.
pub fn named(record: &Record, typed: &str) -> Option<Id> {
    let typed = fold(typed);
    let words: Vec<&str> = typed.split_whitespace().collect();
    if words.is_empty() {
        return None;
    }
    record
        .participants
        .values()
        .find(|p| fold(&p.name).split_whitespace().eq(words.iter().copied()))
        .map(|p| p.id)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(names: &[(&str, &str)]) -> Record {
        let mut record = Record::default();
        for (i, (name, organization)) in names.iter().enumerate() {
            let id = i as Id + 1;
            let person = Participant {
                id,
                name: name.to_string(),
                organization: organization.to_string(),
                position: String::new(),
                role: ParticipantRole::Citizen,
                honorific: None,
                contact: String::new(),
                attendance: Attendance::Invited,
                members: 0,
                representatives: String::new(),
                rev: id,
            };
            record.participants.insert(id, person);
        }
        record
    }

    fn names<'r>(record: &'r Record, typed: &str) -> Vec<&'r str> {
        matching(record, typed, &[])
            .into_iter()
            .map(|p| p.name.as_str())
            .collect()
    }

    fn delegates() -> Record {
        record(&[
            ("Nguyễn Văn An", "Phường Bến Nghé"),
            ("Lý Minh Khôi", "Sở Tư pháp"),
            ("Đặng Quốc Bảo", "Sở Tài chính"),
            ("Võ Thị Mai", ""),
            ("Võ Thị Mai Anh", ""),
            ("Trần Thị Bình", "Hội Nông dân"),
            ("Trần Bình Trọng", ""),
            ("Lê Văn Dũng", "Phường Đa Kao"),
        ])
    }

    #[test]
    fn a_full_name_typed_without_accents_finds_that_person_first() {
        let record = delegates();
        assert_eq!(names(&record, "ly minh khoi"), ["Lý Minh Khôi"]);
        assert_eq!(names(&record, "Lý Minh Khôi"), ["Lý Minh Khôi"]);
        // The same name first, then the longer one it begins.
        assert_eq!(
            names(&record, "vo thi mai"),
            ["Võ Thị Mai", "Võ Thị Mai Anh"]
        );
        assert_eq!(
            names(&record, "  VO  thi   MAI "),
            ["Võ Thị Mai", "Võ Thị Mai Anh"]
        );
    }

    #[test]
    fn d_with_a_stroke_is_a_d() {
        let record = delegates();
        // "Dũng" and "Đa Kao" begin with d as well, but not "dang".
        assert_eq!(names(&record, "dang"), ["Đặng Quốc Bảo"]);
        assert_eq!(names(&record, "đặng bảo"), ["Đặng Quốc Bảo"]);
        assert_eq!(names(&record, "DANG"), ["Đặng Quốc Bảo"]);
    }

    #[test]
    fn parts_of_a_name_in_any_order() {
        let record = delegates();
        assert_eq!(
            names(&record, "tran binh"),
            ["Trần Thị Bình", "Trần Bình Trọng"]
        );
        assert_eq!(names(&record, "binh tran thi"), ["Trần Thị Bình"]);
        assert_eq!(names(&record, "khoi ly"), ["Lý Minh Khôi"]);
        // Each word typed begins its own word of the name: "tran tran"
        // is no better a match for "Trần Thị Bình" than "thi" is.
        assert!(!begins_words(&["tran", "thi", "binh"], &["tran", "tran"]));
        assert!(begins_words(&["tran", "thi", "binh"], &["binh", "t", "tr"]));
    }

    #[test]
    fn the_organization_is_searched_too_after_the_names() {
        let record = delegates();
        assert_eq!(names(&record, "tu phap"), ["Lý Minh Khôi"]);
        // "an" begins "An" and "Anh": those first, then names containing it.
        let found = names(&record, "an");
        assert_eq!(&found[..2], ["Nguyễn Văn An", "Võ Thị Mai Anh"]);
        assert!(found.contains(&"Đặng Quốc Bảo"), "{found:?}");
    }

    #[test]
    fn a_name_nobody_has_matches_nobody() {
        let record = delegates();
        assert!(names(&record, "Sở tiếp nhận văn bản 15/12/2026").is_empty());
        assert!(names(&record, "pham").is_empty());
        assert!(names(&record, "   ").is_empty());
        assert_eq!(named(&record, "pham van a"), None);
    }

    #[test]
    fn a_typed_name_is_the_person_of_that_name() {
        let record = delegates();
        assert_eq!(named(&record, "ly  minh khoi"), Some(2));
        assert_eq!(named(&record, "Đặng Quốc Bảo"), Some(3));
        // A part of a name is not the person: it is only offered.
        assert_eq!(named(&record, "vo thi"), None);
    }

    #[test]
    fn those_offered_first_come_after_the_same_name_only() {
        let record = delegates();
        let mai_anh = &record.participants[&5];
        let found: Vec<&str> = matching(&record, "vo thi mai", &[mai_anh])
            .into_iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(found, ["Võ Thị Mai", "Võ Thị Mai Anh"]);
        let found: Vec<&str> = matching(&record, "vo", &[mai_anh])
            .into_iter()
            .map(|p| p.name.as_str())
            .collect();
        assert_eq!(found, ["Võ Thị Mai Anh", "Võ Thị Mai"]);
    }
}
