//! What the session tells the console: a save went through (the form
//! closes, the footer says so, what was created is selected), was refused
//! (the form says why, or comes back), waits, or the file changed.

use super::layers::Layer;
use super::typing::{form_from_draft, show_conflict};
use super::{Console, Effect, Form, Mode, Pane};
use crate::domain::*;
use crate::i18n::{Label, domain_error, fill};
use crate::session::{FormDraft, Notice, Refusal};

pub fn notice(console: &mut Console, record: &Record, notice: Notice) -> Vec<Effect> {
    let t = console.texts();
    match notice {
        Notice::Committed { seq, event, form } => {
            if let Some(key) = form {
                close_form(console, &key);
            }
            committed(console, record, seq, &event);
        }
        Notice::Refused {
            refusal,
            form,
            late: false,
        } if form.is_some() && console.form().is_some() => match refusal {
            Refusal::Conflict { current, author } => {
                show_conflict(console, record, current, author)
            }
            refusal => {
                let message = refusal_text(console, &refusal);
                if let Some(form) = console.form_mut() {
                    form.error = Some(message);
                }
            }
        },
        Notice::Refused {
            refusal,
            form: Some(form),
            late: true,
        } => bring_back(console, record, &form, refusal),
        Notice::Refused { refusal, .. } => {
            let message = refusal_text(console, &refusal);
            console.status = Some(super::Status::Warning(message));
        }
        // Kept whole in memory (and in the recovery file if need be): the
        // form can close. The footer says the file is not written.
        Notice::Kept { form } => {
            if let Some(key) = form {
                close_form(console, &key);
            }
        }
        Notice::Drained { written } => console.info(fill(t.msg_retried, &[&written.to_string()])),
        Notice::NothingToUndo => console.warn(t.msg_nothing_to_undo),
        Notice::UndoWaits => console.warn(t.msg_undo_waits),
        Notice::Failed { error } => {
            console.error(fill(t.msg_write_failed, &[error.get(console.lang)]));
        }
        Notice::Synced => console.scroll_all(record),
        Notice::Presence => {}
        Notice::Restored(draft) => {
            if let Some(form) = form_from_draft(&draft, record) {
                // Late (the file was busy when the console opened) and
                // another form is open: it stays in the file for next time.
                if console.mode() == Mode::Panes {
                    go_home(console, record, &form);
                    console.layers.push(Layer::Form(Box::new(form)));
                    console.info(t.msg_form_restored.into());
                } else {
                    console.warn(t.msg_form_kept);
                }
            }
        }
        Notice::SameName {
            console: number,
            others,
        } => {
            let hosts: Vec<String> = others
                .iter()
                .map(|p| format!("{} ({})", p.host, p.pid))
                .collect();
            let name = others.first().map_or("", |p| p.actor.as_str());
            console.info(fill(
                t.msg_same_name,
                &[name, &hosts.join(", "), &number.to_string()],
            ));
        }
        Notice::ClockBehind { by } => {
            let by = crate::domain::clock::format_h_mm_ss(by);
            console.warn(&fill(t.msg_clock_behind, &[&by]));
        }
        Notice::Reviewed { at } => {
            if let Some(at) = at {
                console.now = at;
            }
            console.scroll_all(record);
        }
    }
    Vec::new()
}

/// Closes the form saved under `key` (and a question over it).
fn close_form(console: &mut Console, key: &str) {
    let position = console.layers.iter().rposition(|layer| match layer {
        Layer::Form(form) => form.kind.key() == key || form.earlier_keys.iter().any(|k| k == key),
        _ => false,
    });
    if let Some(position) = position {
        console.layers.truncate(position);
    }
}

/// A change refused after it had waited to be written: its form comes back
/// (if nothing else is open), saying why.
fn bring_back(console: &mut Console, record: &Record, draft: &FormDraft, refusal: Refusal) {
    let message = refusal_text(console, &refusal);
    let free = matches!(console.mode(), Mode::Panes | Mode::Review);
    match form_from_draft(draft, record).filter(|_| free) {
        Some(form) => {
            go_home(console, record, &form);
            console.layers.push(Layer::Form(Box::new(form)));
            match refusal {
                Refusal::Conflict { current, author } => {
                    show_conflict(console, record, current, author)
                }
                _ => {
                    if let Some(form) = console.form_mut() {
                        form.error = Some(message.clone());
                    }
                }
            }
            console.status = Some(super::Status::Warning(message));
        }
        None => {
            let kept = console.texts().msg_refused_kept;
            console.status = Some(super::Status::Warning(fill(kept, &[&message])));
        }
    }
}

/// A form that comes back brings back its pane: the focus, and the row it
/// acts on selected, as when it was opened.
fn go_home(console: &mut Console, record: &Record, form: &Form) {
    let Some((pane, row)) = form.kind.home() else {
        return;
    };
    console.focus = pane;
    if let Some(id) = row.filter(|id| console.rows(record, pane).contains(id)) {
        console.panes[pane.index()].selected = Some(id);
        console.scroll(record, pane);
    }
}

fn refusal_text(console: &Console, refusal: &Refusal) -> String {
    let t = console.texts();
    let lang = console.lang;
    match refusal {
        Refusal::Rule(error) => fill(t.msg_refused, &[&domain_error(lang, error)]),
        Refusal::Conflict { author, .. } => fill(t.msg_conflict, &[author, ""]),
        Refusal::NotAllowed { role, area } => fill(
            t.msg_not_allowed,
            &[role.label(lang), area.map_or("", |a| a.label(lang))],
        ),
        Refusal::ReadOnly => t.msg_read_only.to_string(),
    }
}

/// Says what a commit did, and selects what it created.
fn committed(console: &mut Console, record: &Record, seq: Seq, event: &Event) {
    let t = console.texts();
    let speaker = |id: &Id| {
        record
            .requests
            .get(id)
            .map_or("?", |r| record.participant_name(r.participant))
            .to_string()
    };
    let message = match event {
        Event::FloorGiven { id, .. } => fill(t.msg_floor_to, &[&speaker(id)]),
        Event::Undone { target, .. } => fill(t.msg_undone, &[&target.to_string()]),
        Event::SpeakerFinished { id, .. } => fill(t.msg_speaker_done, &[&speaker(id)]),
        // The roll call says who, and what is recorded now.
        Event::AttendanceSet { id, .. } => match record.participants.get(id) {
            Some(person) => format!(
                "{}: {}",
                person.name,
                super::roll_call::attendance_shown(record, person, false, console.lang)
            ),
            None => fill(t.msg_saved_entry, &[&seq.to_string()]),
        },
        _ => fill(t.msg_saved_entry, &[&seq.to_string()]),
    };
    let created = match event {
        Event::AgendaItemAdded { item } => Some((Pane::Agenda, item.id)),
        Event::FloorRequested { request, .. } => Some((Pane::Speakers, request.id)),
        Event::IssueLogged { issue } => Some((Pane::Issues, issue.id)),
        Event::ActionAdded { action } => Some((Pane::Actions, action.id)),
        Event::ParticipantAdded { participant } => Some((Pane::Participants, participant.id)),
        _ => None,
    };
    if let Some((pane, id)) = created {
        console.panes[pane.index()].selected = Some(id);
        console.scroll(record, pane);
    }
    console.info(message);
}
