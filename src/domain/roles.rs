//! Who may do what. One table: the chair everything; the secretary the
//! record of what is said (issues, answers, actions, participants, requests
//! for the floor) but not the agenda or the floor; the observer nothing.

use super::command::Command;
use crate::string_enum;

string_enum!(Role {
    Chair = "chair",
    Secretary = "secretary",
    Observer = "observer",
});

/// The groups of commands the permission table speaks of.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Area {
    Meeting,
    Agenda,
    Floor,
    Requests,
    Participants,
    /// The minutes' own text: the notes of the agenda items and the
    /// chair's conclusion.
    Notes,
    Issues,
    Actions,
    Undo,
}

impl Area {
    pub const ALL: &'static [Area] = &[
        Area::Meeting,
        Area::Agenda,
        Area::Floor,
        Area::Requests,
        Area::Participants,
        Area::Notes,
        Area::Issues,
        Area::Actions,
        Area::Undo,
    ];

    pub fn of(command: &Command) -> Area {
        use Command as C;
        match command {
            C::CreateMeeting(_)
            | C::EditMeeting { .. }
            | C::StartMeeting
            | C::AdjournMeeting
            | C::CloseMeeting
            | C::ApproveMinutes => Area::Meeting,
            C::AddAgendaItem(_)
            | C::EditAgendaItem { .. }
            | C::StartAgendaItem(_)
            | C::FinishAgendaItem
            | C::SkipAgendaItem(_) => Area::Agenda,
            C::NextSpeaker | C::TogglePause | C::AddTime { .. } | C::SetQueueClosed(_) => {
                Area::Floor
            }
            C::RequestFloor { .. } | C::EditRequest { .. } | C::WithdrawRequest(_) => {
                Area::Requests
            }
            C::AddParticipant(_) | C::EditParticipant { .. } | C::SetAttendance { .. } => {
                Area::Participants
            }
            C::WriteAgendaNotes { .. } | C::WriteConclusion { .. } => Area::Notes,
            C::LogIssue(_) | C::EditIssue { .. } | C::AnswerIssue { .. } | C::CloseIssue { .. } => {
                Area::Issues
            }
            C::AddAction(_) | C::EditAction { .. } => Area::Actions,
            C::Undo { .. } => Area::Undo,
        }
    }
}

impl Role {
    /// The permission table.
    pub fn may(self, area: Area) -> bool {
        match self {
            Role::Chair => true,
            Role::Secretary => !matches!(area, Area::Meeting | Area::Agenda | Area::Floor),
            Role::Observer => false,
        }
    }

    pub fn may_command(self, command: &Command) -> bool {
        self.may(Area::of(command))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_table() {
        assert!(Role::Chair.may_command(&Command::NextSpeaker));
        assert!(!Role::Secretary.may_command(&Command::NextSpeaker));
        assert!(!Role::Secretary.may_command(&Command::StartAgendaItem(1)));
        assert!(Role::Secretary.may_command(&Command::WithdrawRequest(1)));
        assert!(Role::Secretary.may(Area::Issues));
        assert!(!Role::Observer.may(Area::Issues));
    }
}
