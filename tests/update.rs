//! The console's model without a file and without a terminal: a record
//! built in memory from the domain's own commands, messages in, effects
//! out. Every layer's keys: the panes, a form, a conflict, the search, a
//! question, quitting with changes waiting, the help, the hall display and
//! the review.

use chrono::{DateTime, TimeDelta, TimeZone, Utc};
use gavel::app::{Console, Effect, HallTheme, Layer, Mode, Msg, Pane, ReviewMove, Status, update};
use gavel::domain::*;
use gavel::i18n::Lang;
use gavel::input::key::Key;
use gavel::session::{Notice, Refusal};

fn t0() -> DateTime<Utc> {
    Utc.with_ymd_and_hms(2026, 2, 5, 2, 0, 0).unwrap()
}

/// A meeting under way: three people, two agenda items (the first under
/// way), one speaking and two waiting, two issues and an action.
fn record() -> Record {
    let mut record = Record::default();
    let person = |name: &str| {
        Command::AddParticipant(ParticipantFields {
            position: String::new(),
            honorific: None,
            members: 0,
            representatives: String::new(),
            name: name.into(),
            organization: "Công ty Hoàng Long".into(),
            role: ParticipantRole::Citizen,
            contact: String::new(),
            attendance: Attendance::Present,
        })
    };
    let request = |id: Id| Command::RequestFloor {
        speaker: Speaker::Existing(id),
        kind: RequestKind::Normal,
        topic: String::new(),
    };
    let issue = |text: &str, by: Id| {
        Command::LogIssue(IssueFields {
            letter_number: String::new(),
            letter_date: None,
            raised_by: Some(by),
            source: IssueSource::Floor,
            category: IssueCategory::Question,
            field: String::new(),
            procedure: String::new(),
            text: text.into(),
        })
    };
    let commands = vec![
        Command::CreateMeeting(MeetingDetails {
            title: "Hội nghị đối thoại".into(),
            planned_start: Some(t0()),
            ..MeetingDetails::default()
        }),
        Command::StartMeeting,
        person("Nguyễn Văn An"),
        person("Trần Thị Bình"),
        person("Lê Văn Cường"),
        Command::AddAgendaItem(AgendaFields {
            title: "Đối thoại".into(),
            planned_minutes: 60,
            presenter: String::new(),
            position: None,
        }),
        Command::AddAgendaItem(AgendaFields {
            title: "Kết luận".into(),
            planned_minutes: 10,
            presenter: String::new(),
            position: None,
        }),
    ];
    let mut at = t0();
    let mut run = |record: &mut Record, command: Command| {
        at += TimeDelta::seconds(10);
        let ctx = Context {
            now: at,
            actor: "chair",
        };
        let event = decide(record, &command, ctx).expect("the demo's command is valid");
        let seq = record.next_seq();
        record.apply(seq, &event);
    };
    for command in commands {
        run(&mut record, command);
    }
    let item = *record.agenda.keys().next().unwrap();
    run(&mut record, Command::StartAgendaItem(item));
    let people: Vec<Id> = record.participants.keys().copied().collect();
    for id in &people {
        run(&mut record, request(*id));
    }
    run(&mut record, Command::NextSpeaker);
    run(&mut record, issue("Thủ tục cấp phép kéo dài", people[0]));
    run(&mut record, issue("Phí thẩm định cao", people[1]));
    run(
        &mut record,
        Command::AddAction(ActionFields {
            title: "Trả lời bằng văn bản".into(),
            owner: "Văn phòng".into(),
            issue: None,
            due: None,
            status: ActionStatus::Open,
            completion_ref: String::new(),
        }),
    );
    record
}

fn chair() -> Console {
    Console::new(Lang::En, Role::Chair, t0())
}

/// Types a key script; returns every effect asked for.
fn keys(console: &mut Console, record: &Record, script: &str) -> Vec<Effect> {
    Key::script(script)
        .unwrap()
        .into_iter()
        .flat_map(|key| update(console, record, Msg::Key(key)))
        .collect()
}

fn submitted(effects: &[Effect]) -> Vec<&Command> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::Submit { command, .. } => Some(command),
            _ => None,
        })
        .collect()
}

fn drafts_of(effects: &[Effect], field: &str) -> Vec<String> {
    effects
        .iter()
        .filter_map(|e| match e {
            Effect::SaveDraft { field: f, text, .. } if f == field => Some(text.clone()),
            _ => None,
        })
        .collect()
}

// ----- the panes ----------------------------------------------------------

#[test]
fn panes_move_the_focus_and_the_selection() {
    let record = record();
    let mut console = chair();
    assert_eq!(console.focus, Pane::Speakers);
    assert!(keys(&mut console, &record, "<tab>").is_empty());
    assert_eq!(console.focus, Pane::Issues);
    keys(&mut console, &record, "<s-tab><s-tab>4");
    assert_eq!(console.focus, Pane::Actions);
    keys(&mut console, &record, "3");
    let rows = console.rows(&record, Pane::Issues);
    assert_eq!(console.selected(&record, Pane::Issues), Some(rows[0]));
    keys(&mut console, &record, "j");
    assert_eq!(console.selected(&record, Pane::Issues), Some(rows[1]));
    keys(&mut console, &record, "g");
    assert_eq!(console.selected(&record, Pane::Issues), Some(rows[0]));
    keys(&mut console, &record, "G<up>");
    assert_eq!(console.selected(&record, Pane::Issues), Some(rows[0]));
}

#[test]
fn pane_keys_ask_the_session_for_commands() {
    let record = record();
    let mut console = chair();
    let effects = keys(&mut console, &record, "n");
    assert_eq!(submitted(&effects), [&Command::NextSpeaker]);
    let effects = keys(&mut console, &record, "p+");
    assert_eq!(
        submitted(&effects),
        [&Command::TogglePause, &Command::AddTime { seconds: 30 }]
    );
    assert_eq!(keys(&mut console, &record, "u"), [Effect::Undo]);
    let item = *record.agenda.keys().nth(1).unwrap();
    let effects = keys(&mut console, &record, "1js");
    assert_eq!(submitted(&effects), [&Command::StartAgendaItem(item)]);
    let effects = keys(&mut console, &record, "2c");
    assert_eq!(submitted(&effects), [&Command::SetQueueClosed(true)]);
    assert_eq!(keys(&mut console, &record, "q"), [Effect::Quit]);
    assert_eq!(keys(&mut console, &record, "<c-c>"), [Effect::Quit]);
}

#[test]
fn a_pane_key_is_the_panes_own_before_the_common_one() {
    let record = record();
    let mut console = chair();
    // r in Speakers requests a reply; r in Issues answers the issue.
    keys(&mut console, &record, "r");
    let form = console.form().expect("a form");
    assert_eq!(form.kind, FormKind::NewRequest(RequestKind::Reply));
    keys(&mut console, &record, "<esc>3r");
    assert!(matches!(
        console.form().map(|f| f.kind),
        Some(FormKind::Answer { .. })
    ));
}

use gavel::app::FormKind;

#[test]
fn an_observer_gets_no_form_and_is_told_why() {
    let record = record();
    let mut console = Console::new(Lang::En, Role::Observer, t0());
    let effects = keys(&mut console, &record, "i");
    assert!(effects.is_empty());
    assert_eq!(console.mode(), Mode::Panes);
    assert!(matches!(&console.status, Some(Status::Warning(m)) if m.contains("Observer")));
    // A secretary may not start agenda items: no question is asked.
    let mut secretary = Console::new(Lang::Vi, Role::Secretary, t0());
    keys(&mut secretary, &record, "1E");
    assert_eq!(secretary.mode(), Mode::Panes);
    let Some(Status::Warning(message)) = &secretary.status else {
        panic!("{:?}", secretary.status)
    };
    assert!(
        message.contains("thư ký") && message.contains("cuộc họp"),
        "{message}"
    );
}

#[test]
fn a_click_focuses_a_pane_and_selects_its_row() {
    let record = record();
    let mut console = chair();
    update(
        &mut console,
        &record,
        Msg::Click {
            pane: Pane::Issues,
            row: Some(1),
        },
    );
    assert_eq!(console.focus, Pane::Issues);
    let rows = console.rows(&record, Pane::Issues);
    assert_eq!(console.selected(&record, Pane::Issues), Some(rows[1]));
}

// ----- a form ---------------------------------------------------------------

#[test]
fn typing_in_a_form_saves_drafts_and_enter_submits_with_the_form() {
    let record = record();
    let mut console = chair();
    let effects = keys(&mut console, &record, "i");
    assert_eq!(console.mode(), Mode::Form);
    // Opened and saved at once, with its focus, so it comes back untouched.
    assert_eq!(drafts_of(&effects, "@focus"), ["text"]);
    let effects = keys(&mut console, &record, "Xin");
    assert_eq!(drafts_of(&effects, "text"), ["X", "Xi", "Xin"]);
    // The speaker raised it: the form says who.
    let speaker = record.current_speaker().unwrap().participant;
    let effects = keys(&mut console, &record, "<c-s>");
    let Some(Effect::Submit {
        command: Command::LogIssue(fields),
        form: Some(form),
    }) = effects.last()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(fields.text, "Xin");
    assert_eq!(fields.raised_by, Some(speaker));
    assert_eq!(form.key, "issue/new");
    // The form waits for the session's word.
    assert_eq!(console.mode(), Mode::Form);
    let event = Event::IssueLogged {
        issue: record.issues.values().next().unwrap().clone(),
    };
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Committed {
            seq: 99,
            event: Box::new(event),
            form: Some("issue/new".into()),
        }),
    );
    assert_eq!(console.mode(), Mode::Panes);
    assert_eq!(console.focus, Pane::Speakers);
}

#[test]
fn tab_moves_between_fields_and_esc_discards_the_drafts() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "4a");
    let effects = keys(&mut console, &record, "Gửi<tab>");
    assert_eq!(drafts_of(&effects, "title"), ["G", "Gử", "Gửi", "Gửi"]);
    assert_eq!(drafts_of(&effects, "@focus"), ["owner"]);
    let effects = keys(&mut console, &record, "<esc>");
    assert_eq!(
        effects,
        [Effect::DiscardDrafts {
            form: "action/new".into()
        }]
    );
    assert_eq!(console.mode(), Mode::Panes);
}

#[test]
fn a_refusal_stays_in_the_form_and_a_late_one_brings_it_back() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "iCâu hỏi<c-s>");
    let refusal = Refusal::Rule(DomainError::NoActiveItem);
    let form = gavel::session::FormDraft {
        key: "issue/new".into(),
        fields: vec![gavel::session::DraftField {
            field: "text".into(),
            text: "Câu hỏi".into(),
            cursor: 3,
        }],
        focus: Some("text".into()),
        earlier_keys: Vec::new(),
    };
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Refused {
            refusal: refusal.clone(),
            form: Some(form.clone()),
            late: false,
        }),
    );
    assert!(console.form().unwrap().error.is_some());
    // Kept for later (the file was busy): the form closes...
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Kept {
            form: Some("issue/new".into()),
        }),
    );
    assert_eq!(console.mode(), Mode::Panes);
    // ...and the record refused it when it was written: it comes back.
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Refused {
            refusal,
            form: Some(form),
            late: true,
        }),
    );
    let back = console.form().expect("the form is back");
    assert_eq!(back.fields.last().unwrap().draft().0, "Câu hỏi");
    assert!(back.error.is_some());
}

#[test]
fn a_conflict_offers_keep_mine_and_take_theirs() {
    let record = record();
    let mut console = chair();
    let issue = record.issues.values().next().unwrap().clone();
    let effects = keys(&mut console, &record, "3rĐã trả lời<c-s>");
    let Some(Effect::Submit {
        form: Some(form), ..
    }) = effects.last()
    else {
        panic!("{effects:?}")
    };
    let old_key = form.key.clone();
    let conflict = Notice::Refused {
        refusal: Refusal::Conflict {
            current: issue.rev + 5,
            author: "Lan".into(),
        },
        form: Some(form.clone()),
        late: false,
    };
    update(&mut console, &record, Msg::Session(conflict.clone()));
    assert_eq!(console.mode(), Mode::Conflict);
    // Other keys do nothing; Esc goes back to the form.
    assert!(keys(&mut console, &record, "xq").is_empty());
    keys(&mut console, &record, "<esc>");
    assert_eq!(console.mode(), Mode::Form);
    update(&mut console, &record, Msg::Session(conflict.clone()));
    let effects = keys(&mut console, &record, "k");
    let Some(Effect::Submit {
        command: Command::AnswerIssue { base_rev, .. },
        form: Some(form),
    }) = effects.last()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(*base_rev, issue.rev + 5, "saved over their version");
    assert_eq!(form.earlier_keys.len(), 1, "the old drafts go too");
    assert_eq!(form.earlier_keys[0], old_key);
    update(&mut console, &record, Msg::Session(conflict));
    let effects = keys(&mut console, &record, "t");
    assert!(effects.contains(&Effect::DiscardDrafts { form: old_key }));
    assert_eq!(console.mode(), Mode::Panes);
    assert!(matches!(&console.status, Some(Status::Info(m)) if m.contains("Lan")));
}

// ----- search, questions, help ----------------------------------------------

#[test]
fn search_filters_without_accents_enter_keeps_esc_clears() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "3/phi");
    assert_eq!(console.mode(), Mode::Search);
    assert_eq!(console.rows(&record, Pane::Issues).len(), 1);
    keys(&mut console, &record, "<enter>");
    assert_eq!(console.mode(), Mode::Panes);
    assert_eq!(console.rows(&record, Pane::Issues).len(), 1);
    keys(&mut console, &record, "/<esc>");
    assert_eq!(console.rows(&record, Pane::Issues).len(), 2);
    // Pasted into the search, not typed into nowhere.
    keys(&mut console, &record, "/");
    update(&mut console, &record, Msg::Paste("thu tuc".into()));
    assert_eq!(console.rows(&record, Pane::Issues).len(), 1);
}

#[test]
fn a_question_asks_before_withdrawing_and_y_or_n_answer_it() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "2j");
    let request = console.selected(&record, Pane::Speakers).unwrap();
    assert!(keys(&mut console, &record, "x").is_empty());
    assert_eq!(console.mode(), Mode::Confirm);
    assert!(keys(&mut console, &record, "n").is_empty());
    assert_eq!(console.mode(), Mode::Panes);
    let effects = keys(&mut console, &record, "xy");
    assert_eq!(submitted(&effects), [&Command::WithdrawRequest(request)]);
    keys(&mut console, &record, "x<esc>");
    assert_eq!(console.mode(), Mode::Panes);
}

#[test]
fn quitting_with_changes_waiting_asks_and_y_writes_them_away() {
    let record = record();
    let mut console = chair();
    update(&mut console, &record, Msg::Unsaved(2));
    assert_eq!(console.mode(), Mode::Unsaved);
    assert!(keys(&mut console, &record, "n").is_empty());
    assert_eq!(console.mode(), Mode::Panes);
    update(&mut console, &record, Msg::Unsaved(2));
    assert_eq!(
        keys(&mut console, &record, "y"),
        [Effect::WriteRecoveryAndQuit]
    );
}

#[test]
fn help_opens_and_closes_and_lists_every_layer_under_it() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "?");
    assert_eq!(console.mode(), Mode::Help);
    let sections = gavel::app::help::sections(&console);
    let titles: Vec<&str> = sections.iter().map(|s| s.title).collect();
    assert_eq!(
        titles,
        [
            "Anywhere",
            "Agenda",
            "Speakers",
            "Issues",
            "Participants",
            "In a form"
        ]
    );
    let form = &sections[5].lines;
    assert!(
        form.iter()
            .any(|l| l.keys == "Enter Ctrl-S" && l.what == "save")
    );
    for close in ["<esc>", "?", "q"] {
        keys(&mut console, &record, close);
        assert_eq!(console.mode(), Mode::Panes, "{close}");
        keys(&mut console, &record, "?");
    }
}

// ----- the hall display and the review ----------------------------------------

#[test]
fn the_hall_takes_no_command_and_leaves_on_its_keys() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "h");
    assert_eq!(console.mode(), Mode::Hall);
    assert!(keys(&mut console, &record, "n1ax+").is_empty());
    for leave in ["q", "<esc>", "h"] {
        keys(&mut console, &record, leave);
        assert_eq!(console.mode(), Mode::Panes, "{leave}");
        keys(&mut console, &record, "h");
    }
    assert_eq!(keys(&mut console, &record, "<c-c>"), [Effect::Quit]);
    assert_eq!(
        console.mode(),
        Mode::Panes,
        "back to the console, which may ask"
    );
    // Alone on the projector, q quits.
    let mut wall = Console::hall(Lang::Vi, HallTheme::Light, t0());
    assert!(keys(&mut wall, &record, "h").is_empty());
    assert_eq!(keys(&mut wall, &record, "q"), [Effect::Quit]);
}

#[test]
fn review_keys_step_through_the_journal_and_the_rest_moves_about() {
    let record = record();
    let mut console = Console::reviewing(Lang::En, t0());
    let effects = keys(&mut console, &record, "<left><right>[]{}hl");
    assert_eq!(
        effects,
        [
            Effect::Review(ReviewMove::Step(-1)),
            Effect::Review(ReviewMove::Step(1)),
            Effect::Review(ReviewMove::Step(-10)),
            Effect::Review(ReviewMove::Step(10)),
            Effect::Review(ReviewMove::First),
            Effect::Review(ReviewMove::Last),
            Effect::Review(ReviewMove::Step(-1)),
            Effect::Review(ReviewMove::Step(1)),
        ]
    );
    keys(&mut console, &record, "s");
    assert_eq!(console.reviewing_stats(), Some(true));
    // Moving about goes down to the panes.
    keys(&mut console, &record, "3j");
    assert_eq!(console.focus, Pane::Issues);
    // The clock shows the reviewed moment, not the wall clock.
    let then = t0() + TimeDelta::minutes(5);
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Reviewed { at: Some(then) }),
    );
    update(&mut console, &record, Msg::Tick(t0() + TimeDelta::hours(3)));
    assert_eq!(console.now, then);
    // The review's help lists its own keys, not a form's.
    keys(&mut console, &record, "?");
    let titles: Vec<&str> = gavel::app::help::sections(&console)
        .iter()
        .map(|s| s.title)
        .collect();
    assert!(titles.contains(&"Review (read-only)") && !titles.contains(&"In a form"));
}

#[test]
fn every_key_of_every_layer_has_words_in_both_languages() {
    use gavel::app::layers::*;
    use gavel::input::keymap::{Binding, Described};
    fn check<A: Described + std::fmt::Debug>(table: &[Binding<A>]) {
        for binding in table {
            let (en, vi) = (
                binding.action.describe(Lang::En),
                binding.action.describe(Lang::Vi),
            );
            assert!(!en.is_empty() && !vi.is_empty(), "{:?}", binding.action);
            assert!(en != vi || en == "×10", "{:?}: {en}", binding.action);
        }
    }
    check(gavel::app::panes::ANYWHERE_KEYS);
    check(gavel::app::panes::AGENDA_KEYS);
    check(gavel::app::panes::SPEAKERS_KEYS);
    check(gavel::app::panes::ISSUES_KEYS);
    check(gavel::app::panes::PARTICIPANTS_KEYS);
    check(ROLL_CALL_KEYS);
    check(gavel::app::form::ONE_LINE_KEYS);
    check(gavel::app::form::MANY_LINES_KEYS);
    check(gavel::app::form::FIELD_KEYS);
    check(gavel::input::editing::EDITING);
    check(YES_NO_KEYS);
    check(HELP_KEYS);
    check(SEARCH_KEYS);
    check(CONFLICT_KEYS);
    check(REVIEW_KEYS);
    check(HALL_IN_CONSOLE_KEYS);
    check(HALL_ALONE_KEYS);
}

#[test]
fn the_footer_hints_come_from_the_layer_on_top() {
    use gavel::input::keymap::hint_line;
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "i");
    assert_eq!(
        hint_line(&gavel::app::layers::hints_on_top(&console)),
        "Ctrl-S save · Enter new line · Tab next field · Esc cancel · Alt-1…4 kind"
    );
    keys(&mut console, &record, "<esc>4a");
    assert_eq!(
        hint_line(&gavel::app::layers::hints_on_top(&console)),
        "Enter save · Tab next field · Esc cancel"
    );
    let _ = Layer::Help { scroll: 0 };
}

// ----- the roll call ---------------------------------------------------------

/// The meeting of `record()` with three more invited, not checked in yet.
fn with_invitees() -> Record {
    let mut record = record();
    for name in ["Phạm Thanh Tùng", "Đặng Thị Hoa", "Nguyễn Thị Hoà"] {
        let command = Command::AddParticipant(ParticipantFields {
            attendance: Attendance::Invited,
            ..ParticipantFields::named(name, "", ParticipantRole::Citizen)
        });
        let ctx = Context {
            now: t0() + TimeDelta::minutes(30),
            actor: "lan",
        };
        let event = decide(&record, &command, ctx).unwrap();
        let seq = record.next_seq();
        record.apply(seq, &event);
    }
    record
}

fn id_of(record: &Record, name: &str) -> Id {
    record.participant_named(name).unwrap().id
}

fn typed_name(console: &Console) -> String {
    match console.top() {
        Some(Layer::RollCall(state)) => state.field.text().to_string(),
        other => panic!("not in the roll call: {other:?}"),
    }
}

#[test]
fn roll_call_checks_in_the_best_match_of_a_few_letters_and_clears_the_name() {
    let record = with_invitees();
    let mut console = Console::new(Lang::Vi, Role::Secretary, t0());
    keys(&mut console, &record, "5c");
    assert_eq!(console.mode(), Mode::RollCall);
    assert!(keys(&mut console, &record, "pham tung").is_empty());
    let effects = keys(&mut console, &record, "<enter>");
    assert_eq!(
        submitted(&effects),
        [&Command::SetAttendance {
            id: id_of(&record, "Phạm Thanh Tùng"),
            attendance: Attendance::Present,
        }]
    );
    assert_eq!(typed_name(&console), "", "ready for the next arrival");
    assert_eq!(console.mode(), Mode::RollCall);
    // "hoa" is Hoa and Hoà alike: the first listed, ↓ the next.
    let effects = keys(&mut console, &record, "hoa<enter>");
    assert_eq!(
        submitted(&effects),
        [&Command::SetAttendance {
            id: id_of(&record, "Đặng Thị Hoa"),
            attendance: Attendance::Present,
        }]
    );
    let effects = keys(&mut console, &record, "hoa<down><enter>");
    assert_eq!(
        submitted(&effects),
        [&Command::SetAttendance {
            id: id_of(&record, "Nguyễn Thị Hoà"),
            attendance: Attendance::Present,
        }]
    );
    // Already here: said, nothing written.
    let effects = keys(&mut console, &record, "tran binh<enter>");
    assert!(submitted(&effects).is_empty());
    assert!(matches!(&console.status, Some(Status::Info(m)) if m.contains("Trần Thị Bình")));
    // A pasted name goes into the name.
    update(&mut console, &record, Msg::Paste("nguyen thi hoa".into()));
    assert_eq!(typed_name(&console), "nguyen thi hoa");
    keys(&mut console, &record, "<esc>");
    assert_eq!(console.mode(), Mode::Panes);
}

#[test]
fn a_name_nobody_has_opens_the_new_participant_form_present() {
    let record = with_invitees();
    let mut console = Console::new(Lang::Vi, Role::Secretary, t0());
    let effects = keys(&mut console, &record, "5cVõ Văn Kiệt<enter>");
    assert!(submitted(&effects).is_empty());
    let form = console.form().expect("the new-participant form");
    assert_eq!(form.kind, FormKind::NewParticipant);
    let value = |key: &str| {
        form.fields
            .iter()
            .find(|f| f.key == key)
            .map(|f| f.draft().0.to_string())
            .unwrap()
    };
    assert_eq!(value("name"), "Võ Văn Kiệt");
    assert_eq!(value("attendance"), "present");
    assert_eq!(form.focused().key, "organization");
    // Saved at once, like every keystroke: a crash keeps the walk-in.
    assert_eq!(drafts_of(&effects, "name"), ["Võ Văn Kiệt"]);
    assert_eq!(drafts_of(&effects, "attendance"), ["present"]);
    let effects = keys(&mut console, &record, "Hợp tác xã Dừa<c-s>");
    let [Command::AddParticipant(fields)] = submitted(&effects)[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(fields.name, "Võ Văn Kiệt");
    assert_eq!(fields.organization, "Hợp tác xã Dừa");
    assert_eq!(fields.attendance, Attendance::Present);
}

#[test]
fn someone_who_spoke_is_present_and_marking_them_absent_is_refused_with_why() {
    let record = with_invitees();
    let an = id_of(&record, "Nguyễn Văn An");
    assert!(record.present_by_record(an), "An is speaking");
    let mut console = Console::new(Lang::Vi, Role::Secretary, t0());
    keys(&mut console, &record, "5/nguyen van an<enter>");
    assert_eq!(console.selected(&record, Pane::Participants), Some(an));
    for key in ["v", "l", "w", " "] {
        let effects = keys(&mut console, &record, key);
        assert!(submitted(&effects).is_empty(), "{key}: {effects:?}");
        let Some(Status::Warning(message)) = &console.status else {
            panic!("{key}: {:?}", console.status)
        };
        assert!(
            message.contains("Nguyễn Văn An") && message.contains("có mặt theo biên bản"),
            "{message}"
        );
    }
    // Someone else is marked as asked.
    let tung = id_of(&record, "Phạm Thanh Tùng");
    keys(&mut console, &record, "<esc>/pham<enter>");
    let effects = keys(&mut console, &record, "l");
    assert_eq!(
        submitted(&effects),
        [&Command::SetAttendance {
            id: tung,
            attendance: Attendance::AbsentWithNotice,
        }]
    );
}

#[test]
fn the_approve_question_says_how_many_are_not_checked_in() {
    let record = with_invitees();
    let mut console = chair();
    keys(&mut console, &record, "1A");
    let Some(Layer::Confirm(confirm)) = console.top() else {
        panic!("{:?}", console.top())
    };
    assert!(
        confirm.question.contains("3 invitees not checked in"),
        "{}",
        confirm.question
    );
}

#[test]
fn a_conflict_on_the_conclusion_is_handled_like_any_form() {
    let record = record();
    let mut console = chair();
    let effects = keys(&mut console, &record, "KSở sẽ trả lời<c-s>");
    let Some(Effect::Submit {
        command: Command::WriteConclusion { base_rev: 0, text },
        form: Some(form),
    }) = effects.last()
    else {
        panic!("{effects:?}")
    };
    assert_eq!(text, "Sở sẽ trả lời");
    assert_eq!(form.key, "conclusion@0");
    let conflict = Notice::Refused {
        refusal: Refusal::Conflict {
            current: 40,
            author: "Minh".into(),
        },
        form: Some(form.clone()),
        late: false,
    };
    update(&mut console, &record, Msg::Session(conflict));
    assert_eq!(console.mode(), Mode::Conflict);
    let effects = keys(&mut console, &record, "k");
    let Some(Effect::Submit {
        command: Command::WriteConclusion { base_rev, text },
        ..
    }) = effects.last()
    else {
        panic!("{effects:?}")
    };
    assert_eq!((*base_rev, text.as_str()), (40, "Sở sẽ trả lời"));
}

// ----- who answered, a written submission's letter -----------------------------

#[test]
fn the_answer_form_offers_who_spoke_first_and_names_who_answered() {
    let record = record();
    let mut console = chair();
    let an = id_of(&record, "Nguyễn Văn An");
    keys(&mut console, &record, "3r<s-tab>");
    let form = console.form().expect("the answer form");
    assert_eq!(form.focused().key, "answered_by");
    // Before anything is typed: those who spoke under the issue's item.
    let offered: Vec<Id> = form.person_matches(&record).iter().map(|p| p.id).collect();
    assert_eq!(offered, [an]);
    let effects = keys(&mut console, &record, "binh<tab>Đã trả lời<c-s>");
    let [Command::AnswerIssue { fields, .. }] = submitted(&effects)[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(fields.answered_by, Some(id_of(&record, "Trần Thị Bình")));
    assert_eq!(fields.answer, "Đã trả lời");
    // A name nobody has is refused: who answered is someone on the list.
    keys(&mut console, &record, "<esc>3r<s-tab>Ai Đó<c-s>");
    let error = console.form().and_then(|f| f.error.clone());
    assert!(error.is_some_and(|e| e.contains("not on the list")));
}

#[test]
fn a_written_submission_takes_its_letter_and_a_floor_issue_skips_it() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "i<tab><tab>");
    assert_eq!(console.form().unwrap().focused().key, "source");
    keys(&mut console, &record, "<tab>");
    assert_eq!(
        console.form().unwrap().focused().key,
        "category",
        "raised in the room: no letter"
    );
    keys(&mut console, &record, "<s-tab><right>");
    let form = console.form().unwrap();
    let source = form.fields.iter().find(|f| f.key == "source").unwrap();
    assert_eq!(source.draft().0, "written-submission");
    let effects = keys(&mut console, &record, "<tab>12/CV-HTX<tab>03/02/2026<c-s>");
    let [Command::LogIssue(fields)] = submitted(&effects)[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(fields.source, IssueSource::WrittenSubmission);
    assert_eq!(fields.letter_number, "12/CV-HTX");
    assert_eq!(
        fields.letter_date,
        chrono::NaiveDate::from_ymd_opt(2026, 2, 3)
    );
}

// ----- context after a reopen ----------------------------------------------

/// A draft left in the file: `key`'s form with `text` typed in `field`.
fn draft(key: &str, field: &str, text: &str) -> gavel::session::FormDraft {
    gavel::session::FormDraft {
        key: key.into(),
        fields: vec![gavel::session::DraftField {
            field: field.into(),
            text: text.into(),
            cursor: text.chars().count(),
        }],
        focus: Some(field.into()),
        earlier_keys: Vec::new(),
    }
}

#[test]
fn a_restored_form_brings_back_its_pane_and_its_row() {
    let record = record();
    let second = *record.issues.keys().nth(1).unwrap();
    let rev = record.issues[&second].rev;
    let mut console = chair();
    assert_eq!(console.focus, Pane::Speakers);
    let answer = draft(&format!("answer/{second}@{rev}"), "answer", "Đã trả lời");
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Restored(answer)),
    );
    assert!(matches!(
        console.form().map(|f| f.kind),
        Some(FormKind::Answer { id, .. }) if id == second
    ));
    assert_eq!(
        console.focus,
        Pane::Issues,
        "an answer is the Issues pane's"
    );
    assert_eq!(console.selected(&record, Pane::Issues), Some(second));
    // Closed, the pane is the one to go on in: r answers the same issue.
    keys(&mut console, &record, "<esc>r");
    assert!(matches!(
        console.form().map(|f| f.kind),
        Some(FormKind::Answer { id, .. }) if id == second
    ));

    // An action for no issue is the Actions pane's; the agenda's notes, the
    // Agenda's.
    let mut console = chair();
    let action = draft("action/new", "title", "Gửi văn bản");
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Restored(action)),
    );
    assert_eq!(console.focus, Pane::Actions);
    let mut console = chair();
    let item = *record.agenda.keys().nth(1).unwrap();
    let notes = draft(&format!("notes/{item}@0"), "notes", "Diễn biến");
    update(&mut console, &record, Msg::Session(Notice::Restored(notes)));
    assert_eq!(console.focus, Pane::Agenda);
    assert_eq!(console.selected(&record, Pane::Agenda), Some(item));
}

#[test]
fn a_form_brought_back_by_a_late_refusal_brings_back_its_pane() {
    let record = record();
    let mut console = chair();
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Refused {
            refusal: Refusal::Rule(DomainError::NoActiveItem),
            form: Some(draft("issue/new", "text", "Câu hỏi")),
            late: true,
        }),
    );
    assert_eq!(console.mode(), Mode::Form);
    assert_eq!(console.focus, Pane::Issues);
}

#[test]
fn the_console_opens_on_the_agenda_item_under_way() {
    let mut record = record();
    let items: Vec<Id> = record.agenda_in_order().iter().map(|i| i.id).collect();
    let event = decide(
        &record,
        &Command::StartAgendaItem(items[1]),
        Context {
            now: t0() + TimeDelta::minutes(30),
            actor: "chair",
        },
    )
    .unwrap();
    record.apply(record.next_seq(), &event);
    let mut console = Console::live(Lang::Vi, Role::Chair, t0(), &record);
    assert_eq!(console.selected(&record, Pane::Agenda), Some(items[1]));
    // Moving from there: up is the item before it.
    keys(&mut console, &record, "1k");
    assert_eq!(console.selected(&record, Pane::Agenda), Some(items[0]));
    // No item under way: the first.
    let mut before = Record::default();
    let create = Command::CreateMeeting(MeetingDetails {
        title: "Hội nghị".into(),
        ..MeetingDetails::default()
    });
    let ctx = Context {
        now: t0(),
        actor: "chair",
    };
    let event = decide(&before, &create, ctx).unwrap();
    before.apply(1, &event);
    let console = Console::live(Lang::Vi, Role::Chair, t0(), &before);
    assert_eq!(console.pane(Pane::Agenda).selected, None);
}

#[test]
fn a_floor_key_after_the_end_says_why_in_the_footer() {
    let mut record = record();
    let ctx = Context {
        now: t0() + TimeDelta::hours(2),
        actor: "chair",
    };
    let event = decide(&record, &Command::AdjournMeeting, ctx).unwrap();
    record.apply(record.next_seq(), &event);
    let mut console = Console::new(Lang::Vi, Role::Chair, t0());
    let effects = keys(&mut console, &record, "n");
    assert_eq!(submitted(&effects), [&Command::NextSpeaker]);
    // What the session says when the record refuses it.
    let refusal = decide(&record, &Command::NextSpeaker, ctx).unwrap_err();
    update(
        &mut console,
        &record,
        Msg::Session(Notice::Refused {
            refusal: Refusal::Rule(refusal),
            form: None,
            late: false,
        }),
    );
    let Some(Status::Warning(said)) = &console.status else {
        panic!("no warning: {:?}", console.status);
    };
    // 02:00 UTC + 2 h is 11:00 in Hà Nội.
    assert_eq!(
        said,
        "Không thực hiện được: cuộc họp đã kết thúc lúc 11:00, không thể mời phát biểu"
    );
}

// ----- names: the same person found, someone new only when chosen ------------

/// The record after `command`, as the session would write it.
fn after(record: &Record, command: &Command) -> Record {
    let mut record = record.clone();
    let ctx = Context {
        now: t0() + TimeDelta::minutes(40),
        actor: "chair",
    };
    let event = decide(&record, command, ctx).expect("the form's command is valid");
    let seq = record.next_seq();
    record.apply(seq, &event);
    record
}

#[test]
fn a_name_typed_in_any_order_without_accents_is_the_person_shown_and_taken() {
    let record = with_invitees();
    let mut console = chair();
    keys(&mut console, &record, "2abinh tran");
    let form = console.form().expect("the request form");
    let offered: Vec<&str> = form
        .person_matches(&record)
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(offered, ["Trần Thị Bình"]);
    // The match is the row Enter takes, and the name is no one new.
    let gavel::app::form::Input::Person { highlight, .. } = &form.focused().input else {
        panic!("{:?}", form.focused())
    };
    assert_eq!(*highlight, Some(0));
    let effects = keys(&mut console, &record, "<enter>");
    let [Command::RequestFloor { speaker, .. }] = submitted(&effects)[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(*speaker, Speaker::Existing(id_of(&record, "Trần Thị Bình")));
    // "dang": Đặng, its đ a d.
    let effects = keys(&mut console, &record, "<esc>2adang");
    assert!(submitted(&effects).is_empty());
    let form = console.form().unwrap();
    let offered: Vec<&str> = form
        .person_matches(&record)
        .iter()
        .map(|p| p.name.as_str())
        .collect();
    assert_eq!(offered, ["Đặng Thị Hoa"]);
}

#[test]
fn a_name_nobody_has_and_enter_adds_no_one_and_says_how_to() {
    let record = record();
    let mut console = chair();
    let people = record.participants.len();
    let effects = keys(
        &mut console,
        &record,
        "2aSở tiếp nhận văn bản, trả lời trước 15/12/2026<enter>",
    );
    assert!(submitted(&effects).is_empty(), "{effects:?}");
    let form = console.form().expect("the form stays open");
    assert!(
        form.error
            .as_deref()
            .is_some_and(|e| e.contains("not on the list") && e.contains("+ new participant")),
        "{:?}",
        form.error
    );
    // Tab does not make them someone new either, nor does Ctrl-S.
    let effects = keys(&mut console, &record, "<s-tab><c-s>");
    assert!(submitted(&effects).is_empty(), "{effects:?}");
    assert_eq!(record.participants.len(), people);
    // The organization is not asked of a name merely typed.
    let form = console.form().unwrap();
    let at = form.fields.iter().position(|f| f.key == "organization");
    assert!(at.is_some_and(|at| !form.applies(at)));
}

#[test]
fn the_new_row_chosen_adds_the_participant_with_the_organization_asked() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "2aPhạm Văn Dũng");
    let form = console.form().unwrap();
    assert!(form.person_matches(&record).is_empty());
    // The "+ new participant" row is offered, not chosen.
    assert_eq!(form.new_row(&record), Some(0));
    assert_eq!(form.new_person_chosen(), Some(false));
    let effects = keys(&mut console, &record, "<down><enter>");
    assert!(submitted(&effects).is_empty());
    let form = console.form().unwrap();
    assert_eq!(form.focused().key, "organization", "asked on the spot");
    assert_eq!(form.new_person_chosen(), Some(true));
    // The choice is in the drafts: a crash keeps it.
    assert_eq!(drafts_of(&effects, "@focus"), ["organization"]);
    let effects = keys(&mut console, &record, "Tổ dân phố 3<enter>");
    let [command @ Command::RequestFloor { speaker, .. }] = submitted(&effects)[..] else {
        panic!("{effects:?}")
    };
    assert_eq!(
        *speaker,
        Speaker::New {
            name: "Phạm Văn Dũng".into(),
            organization: "Tổ dân phố 3".into(),
        }
    );
    let record = after(&record, command);
    let added = record.participant_named("pham van dung").expect("added");
    assert_eq!(added.organization, "Tổ dân phố 3");
    // Changing the name asks again.
    let mut console = chair();
    keys(&mut console, &record, "2aLê Thị Mới<down><enter><s-tab>x");
    assert_eq!(console.form().unwrap().new_person_chosen(), Some(false));
}

#[test]
fn a_form_that_comes_back_keeps_the_name_chosen_as_someone_new() {
    let record = record();
    let mut console = chair();
    let effects = keys(
        &mut console,
        &record,
        "2aPhạm Văn Dũng<down><enter>Phường 3<enter>",
    );
    let Some(Effect::Submit {
        form: Some(draft), ..
    }) = effects.last()
    else {
        panic!("{effects:?}")
    };
    // Kept for later, then refused when written: the form comes back
    // from its drafts, the name still someone new.
    for notice in [
        Notice::Kept {
            form: Some(draft.key.clone()),
        },
        Notice::Refused {
            refusal: Refusal::Rule(DomainError::NoActiveItem),
            form: Some(draft.clone()),
            late: true,
        },
    ] {
        update(&mut console, &record, Msg::Session(notice));
    }
    let back = console.form().expect("the form is back");
    assert_eq!(back.new_person_chosen(), Some(true));
    let effects = keys(&mut console, &record, "<c-s>");
    let [Command::RequestFloor { speaker, .. }] = submitted(&effects)[..] else {
        panic!("{effects:?}")
    };
    assert!(matches!(speaker, Speaker::New { organization, .. } if organization == "Phường 3"));
}

// ----- the answer form: a disposition in one or two keys ---------------------

fn answered(effects: &[Effect]) -> AnswerFields {
    match submitted(effects)[..] {
        [Command::AnswerIssue { fields, .. }] => fields.clone(),
        _ => panic!("{effects:?}"),
    }
}

#[test]
fn alt_and_a_digit_set_the_disposition_from_the_answer_text() {
    let record = record();
    let mut console = chair();
    // 1 open, 2 answered, 3 written reply, 4 escalated, 5 redirected,
    // 6 withdrawn: the selector's order.
    let effects = keys(
        &mut console,
        &record,
        "3rSở trả lời trong 15 ngày<a-3><c-s>",
    );
    let fields = answered(&effects);
    assert_eq!(fields.disposition, Disposition::WrittenReplyRequired);
    // Digits typed in the text are text.
    assert_eq!(fields.answer, "Sở trả lời trong 15 ngày");
    // The draft has the disposition too.
    assert_eq!(
        drafts_of(&effects, "disposition"),
        ["written-reply-required"]
    );

    // Escalated: the destination takes the focus, typed straight away.
    let mut console = chair();
    let effects = keys(&mut console, &record, "3rChuyển lên<a-4>UBND tỉnh<c-s>");
    let fields = answered(&effects);
    assert_eq!(fields.disposition, Disposition::Escalated);
    assert_eq!(fields.escalated_to, "UBND tỉnh");
    assert_eq!(fields.answer, "Chuyển lên");

    let mut console = chair();
    let effects = keys(&mut console, &record, "3r<a-6><c-s>");
    assert_eq!(answered(&effects).disposition, Disposition::Withdrawn);
    // A digit past the last value does nothing.
    let mut console = chair();
    let effects = keys(&mut console, &record, "3r<a-9><c-s>");
    assert_eq!(answered(&effects).disposition, Disposition::Answered);
}

#[test]
fn a_digit_on_the_disposition_selector_sets_it() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "3rĐã chuyển<tab>");
    assert_eq!(console.form().unwrap().focused().key, "disposition");
    let effects = keys(&mut console, &record, "5");
    assert_eq!(
        console.form().unwrap().focused().key,
        "escalated_to",
        "redirected: where to, next"
    );
    assert_eq!(drafts_of(&effects, "disposition"), ["redirected"]);
    let effects = keys(&mut console, &record, "Sở Xây dựng<c-s>");
    let fields = answered(&effects);
    assert_eq!(fields.disposition, Disposition::Redirected);
    assert_eq!(fields.escalated_to, "Sở Xây dựng");
    // On the selector, 2 is answered and the focus stays.
    let mut console = chair();
    keys(&mut console, &record, "3r<tab>62");
    let form = console.form().unwrap();
    assert_eq!(form.focused().key, "disposition");
    assert_eq!(form.focused().draft().0, "answered");
}

#[test]
fn the_answer_forms_footer_and_the_help_say_which_digits() {
    let record = record();
    let mut console = chair();
    keys(&mut console, &record, "3r");
    let hints = gavel::app::layers::hints_on_top(&console);
    assert!(
        hints
            .iter()
            .any(|h| h.keys == "Alt-1…6" && h.what == "disposition"),
        "{hints:?}"
    );
    keys(&mut console, &record, "<tab>");
    let hints = gavel::app::layers::hints_on_top(&console);
    assert!(hints.iter().any(|h| h.keys == "1…6"), "{hints:?}");
    keys(&mut console, &record, "?");
    let lines: Vec<_> = gavel::app::help::sections(&console)
        .into_iter()
        .flat_map(|s| s.lines)
        .collect();
    assert!(lines.iter().any(|h| h.keys == "1…9 Alt-1…6"), "{lines:?}");
}
