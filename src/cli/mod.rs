//! The command line (clap definitions only; `main.rs` runs them).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};

pub mod localize;

pub use crate::config::{ColorChoice, LangSetting as LangArg};

#[derive(Debug, Parser)]
#[command(
    name = "gavel",
    version,
    about = "Chair a live public dialogue meeting and keep its record",
    long_about = "gavel is a terminal console for chairing a live dialogue meeting (agenda, \
                  speakers, issues raised, actions) that writes every change to a SQLite \
                  meeting file, so that nothing said in the room is ever lost.",
    subcommand_precedence_over_arg = true,
    after_help = "Exit codes: 0 done; 1 the work failed (a file missing or damaged, a refusal, \
                  a bad input file); 2 a usage error (flags, the config file, an environment \
                  variable); 3, 4, 5, 6 from gavel check."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<CliCommand>,
    /// A meeting file to open in the console (`gavel FILE` is `gavel open FILE`).
    pub file: Option<PathBuf>,
    #[command(flatten)]
    pub console: ConsoleArgs,
    /// Language of the console, messages and exports [default: GAVEL_LANG,
    /// `lang` in the config file, or the locale].
    #[arg(long, value_enum, global = true)]
    pub lang: Option<LangArg>,
    /// The config file to read instead of the usual one (it must exist);
    /// outranks GAVEL_CONFIG.
    #[arg(long, value_name = "PATH", global = true)]
    pub config: Option<PathBuf>,
    /// No progress line and no notes on stderr (errors and warnings are
    /// still said).
    #[arg(long, short, global = true)]
    pub quiet: bool,
}

#[derive(Debug, Subcommand)]
pub enum CliCommand {
    /// Open a meeting in the live console.
    Open(OpenArgs),
    /// Open a sample meeting in progress (a Vietnamese dialogue on science
    /// and technology procedures), written to FILE or to a fresh file.
    Demo(DemoArgs),
    /// Create a new meeting file, from a plan (TOML: details, agenda,
    /// participants) or from the flags.
    #[command(
        after_help = "Examples:\n  gavel new dialogue.gavel --title \"Hội nghị đối thoại\" --agency \"Sở KH&CN\"\n  gavel new dialogue.gavel --from examples/plan.toml"
    )]
    New(NewArgs),
    /// Review a meeting read-only: step through the journal and see the
    /// record as it stood at any moment; `s` shows statistics.
    Review(ReviewArgs),
    /// Print the journal, one line per change.
    Log(LogArgs),
    /// The minutes (Markdown or a Word document, in the official layout,
    /// Vietnamese or English), the whole record as JSON, or issues, actions
    /// and speaking turns as CSV for spreadsheets.
    #[command(
        after_help = "Examples:\n  gavel export meeting.gavel --format md --lang vi -o bien-ban.md\n  gavel export meeting.gavel --format docx --lang vi -o bien-ban.docx\n  gavel export meeting.gavel --format docx --document notice --lang vi -o thong-bao.docx\n  gavel export meeting.gavel --format docx --document upward --lang vi -o bao-cao.docx\n  gavel export meeting.gavel --format json -o meeting.json\n  gavel export meeting.gavel --format csv --table issues -o issues.csv\n  gavel export meeting.gavel --format csv -o tables/   (issues.csv, actions.csv, turns.csv)"
    )]
    Export(ExportArgs),
    /// Add a participants list (.csv) or a plan's agenda and participants
    /// (.toml) to a meeting, skipping whoever is already there; or create a
    /// meeting file from a JSON export (.json), hash for hash.
    #[command(
        after_help = "Examples:\n  gavel import dialogue.gavel examples/participants.csv\n  gavel import dialogue.gavel examples/plan.toml\n  gavel import copy.gavel meeting.json"
    )]
    Import(ImportArgs),
    /// Approve the minutes (as the chair): the record is locked, and any
    /// later change is recorded and shown as a correction.
    Approve(ApproveArgs),
    /// What is still owed after the meeting: written replies with their
    /// deadlines in working days, escalations and redirections, open
    /// actions; and closing them with the reply letter's reference.
    #[command(
        after_help = "Examples:\n  gavel followup meeting.gavel --overdue\n  gavel followup meeting.gavel --close-issue 5 --ref 123/SKHCN-QLCN --on 02/03/2026\n  gavel followup meeting.gavel --close-action 2 --ref 45/SKHCN-VP\n  gavel followup meeting.gavel --format docx --today 20/03/2026 -o bao-cao.docx\n  gavel followup meeting.gavel --format csv --lang vi -o theo-doi.csv\n  gavel followup meeting.gavel --overdue --format json || notify   (exit 1: something is overdue)"
    )]
    Followup(FollowupArgs),
    // The register across meetings (issue 20) ---------------------------
    /// The register of many meetings: every petition in one
    /// numbered receiving log, filtered by period, field, disposition and
    /// status; with --owed, what is still owed across them, by unit and
    /// owner. The files are only read (a meeting open in a console too).
    #[command(
        after_help = "A folder stands for every meeting file (*.gavel) in it.\n\nExamples:\n  gavel register meetings/\n  gavel register meetings/ --period 2026-Q1 --field \"sở hữu trí tuệ\"\n  gavel register meetings/ --status overdue,pending --format csv --lang vi -o so-theo-doi.csv\n  gavel register meetings/ --owed\n  gavel register meetings/ --overdue --format json || notify   (exit 1: something is overdue)"
    )]
    Register(RegisterArgs),
    /// A period's report on the dialogues (a month, a quarter, six or nine
    /// months, a year): petitions by field, procedure, disposition and
    /// outcome, the on-time rate of written replies, what is overdue; as
    /// Markdown, a Word document in the official layout, or CSV.
    #[command(
        after_help = "Examples:\n  gavel report meetings/ --period 2026-Q1 --lang vi -o bao-cao-quy-1.md\n  gavel report meetings/ --period 2026-H1 --format docx --lang vi -o bao-cao-6-thang.docx\n  gavel report a.gavel b.gavel --from 01/01/2026 --to 15/04/2026 --format csv -o so-lieu.csv"
    )]
    Report(PeriodReportArgs),
    /// Apply a recovery file: changes the console could not write (a full
    /// disk, a lock held too long) and kept for later.
    Recover(RecoverArgs),
    /// Check a meeting file: SQLite integrity, the journal's hash chain,
    /// that the tables equal a replay of the journal, and that its times go
    /// forward; with --fingerprint, that it holds the record signed.
    #[command(after_help = "Exit codes: 0 all good; 1 the file cannot be opened; \
                            3 SQLite integrity check failed; 4 the hash chain is broken; \
                            5 the tables differ from a replay of the journal; 6 an entry \
                            is dated before the one it follows; 7 the file does not hold \
                            the record the fingerprint was printed for.\n\nExample:\n  \
                            gavel check meeting.gavel --fingerprint \"ab12 cd34 ef56 7890\"")]
    Check(CheckArgs),
    /// The hall display for the projector: the agenda item under way, who
    /// has the floor with a big countdown, who speaks next. Read-only (an
    /// observer's connection), live, any screen size; `q` leaves.
    Hall(HallArgs),
    /// Print a completion script for a shell (bash, zsh, fish, elvish,
    /// powershell).
    #[command(
        after_help = "Examples:\n  gavel completions bash > ~/.local/share/bash-completion/completions/gavel\n  gavel completions zsh > ~/.zfunc/_gavel\n  gavel completions fish > ~/.config/fish/completions/gavel.fish"
    )]
    Completions(CompletionsArgs),
    /// Print the manual page (roff), e.g. `gavel man > gavel.1; man ./gavel.1`;
    /// with --dir, write a page per command there (gavel.1, gavel-open.1…).
    #[command(
        after_help = "Examples:\n  gavel man | man -l -\n  gavel man --dir ~/.local/share/man/man1   (then: man gavel-export)\n  gavel man --dir ~/.local/share/man/vi/man1 --lang vi"
    )]
    Man(ManArgs),
    /// The province's archive on PostgreSQL: meeting files pushed into it,
    /// one up-to-date copy of each (docs/archive.md).
    #[command(
        after_help = "Examples:\n  gavel archive push hoi-nghi-q1.gavel --to postgres://so_khcn@luu-tru.tinh.local/doi_thoai\n  PGHOST=luu-tru.tinh.local PGUSER=so_khcn PGDATABASE=doi_thoai gavel archive push hoi-nghi/"
    )]
    Archive(ArchiveArgs),
    /// Show the settings in force and where each comes from (config file,
    /// environment, command line); with console flags, what `gavel open`
    /// would use with them.
    #[command(
        after_help = "Examples:\n  gavel config\n  GAVEL_CONFIG=examples/config.toml gavel config --as Lan --role secretary"
    )]
    Config(ConfigArgs),
    /// Check what gavel runs with (versions, config file, language,
    /// terminal, colours) and, for a meeting FILE, whether a second account
    /// in its group can open it to write (folder, group, modes, setgid bit,
    /// umask): each line ok, or what is wrong and the command to run.
    #[command(
        after_help = "Exit codes: 0 every line ok (a note is ok); 1 something to fix (the commands to run are printed).\n\nExamples:\n  gavel doctor\n  gavel doctor /srv/meetings/doi-thoai.gavel\n  gavel doctor /srv/meetings/doi-thoai.gavel --format json"
    )]
    Doctor(DoctorArgs),
}

#[derive(Debug, Args)]
pub struct DoctorArgs {
    /// A meeting file (or one about to be created): its folder, group,
    /// modes and SQLite's companion files are checked too.
    pub file: Option<PathBuf>,
    /// The group the meeting is to be shared in [default: the folder's when
    /// it has the setgid bit, else the file's].
    #[arg(long, value_name = "GROUP", requires = "file")]
    pub group: Option<String>,
    /// Lines for people, or one JSON document for scripts
    /// (docs/scripting.md); the exit status is the same.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct ArchiveArgs {
    #[command(subcommand)]
    pub action: ArchiveAction,
}

#[derive(Debug, Subcommand)]
pub enum ArchiveAction {
    /// Load meeting files into the archive: each is checked, its journal
    /// verified, and the archive's copy brought up to date (pushing again,
    /// or after a correction, leaves one copy).
    Push(ArchivePushArgs),
}

#[derive(Debug, Args)]
pub struct ArchivePushArgs {
    /// The meeting files, or folders of them.
    #[arg(required = true, value_name = "FILE")]
    pub files: Vec<PathBuf>,
    /// The archive: a connection string (postgres://USER@HOST/DATABASE or
    /// "host=… dbname=…") [default: the PGHOST, PGPORT, PGUSER,
    /// PGPASSWORD and PGDATABASE variables, else the local server].
    #[arg(long, value_name = "URL")]
    pub to: Option<String>,
    /// Your name, recorded as who pushed [default: GAVEL_AS, `name` in the
    /// config file, or your login name].
    #[arg(long = "as", value_name = "NAME")]
    pub name: Option<String>,
}

#[derive(Debug, Args)]
pub struct ManArgs {
    /// Write the pages into this folder (created if need be) instead of
    /// printing the main page.
    #[arg(long, value_name = "DIR")]
    pub dir: Option<PathBuf>,
}

#[derive(Debug, Args)]
pub struct ConfigArgs {
    #[command(flatten)]
    pub console: ConsoleArgs,
    /// Lines for people, or one JSON document for scripts
    /// (docs/scripting.md).
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}

/// How `gavel check` and `gavel config` report.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ReportFormat {
    /// Lines for people (the default).
    Text,
    /// One JSON document, for scripts (docs/scripting.md).
    Json,
}

#[derive(Debug, Args)]
pub struct CompletionsArgs {
    /// The shell.
    #[arg(value_enum)]
    pub shell: clap_complete::Shell,
}

#[derive(Debug, Args)]
pub struct OpenArgs {
    /// The meeting file.
    pub file: PathBuf,
    #[command(flatten)]
    pub console: ConsoleArgs,
}

/// How the console runs.
#[derive(Debug, Args, Clone)]
pub struct ConsoleArgs {
    /// What you may do: the chair everything; the secretary issues, answers,
    /// actions, participants and requests for the floor; an observer nothing
    /// (the file is opened read-only).
    /// [default: chair, or `role` in the config file]
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    #[command(flatten)]
    pub identity: Identity,
    /// Do not capture the mouse (lets the terminal select text).
    #[arg(long)]
    pub no_mouse: bool,
    /// Colour on screen (`auto` follows NO_COLOR and the config file).
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RoleArg {
    Chair,
    Secretary,
    Observer,
}

#[derive(Debug, Args)]
pub struct FileArg {
    /// The meeting file.
    pub file: PathBuf,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The meeting file.
    pub file: PathBuf,
    /// The fingerprint printed on the signed minutes (beside the
    /// signatures): does the file still hold exactly that record?
    #[arg(long, value_name = "DIGITS")]
    pub fingerprint: Option<String>,
    /// Lines for people, or one JSON document for scripts
    /// (docs/scripting.md); the exit status is the same.
    #[arg(long, value_enum, default_value = "text")]
    pub format: ReportFormat,
}

#[derive(Debug, Args)]
pub struct NewArgs {
    /// The meeting file to create (it must not exist).
    pub file: PathBuf,
    /// The meeting's title (with --from: instead of the plan's).
    #[arg(long, required_unless_present_any = ["demo", "from"])]
    pub title: Option<String>,
    /// A plan (TOML) with the meeting's details, agenda and participants;
    /// see examples/plan.toml.
    #[arg(long, value_name = "PLAN", conflicts_with = "demo")]
    pub from: Option<PathBuf>,
    /// The organizing agency.
    #[arg(long)]
    pub agency: Option<String>,
    /// Minutes a speaker may hold the floor (time can be added live)
    /// [default: 3, or the plan's or config file's].
    #[arg(long, value_name = "MINUTES")]
    pub speaking_minutes: Option<u32>,
    /// Working days within which written replies are due [default: 20, or
    /// the plan's or config file's].
    #[arg(long, value_name = "DAYS")]
    pub reply_days: Option<u32>,
    /// Working days within which escalated and redirected issues are
    /// forwarded [default: 5, or the plan's or config file's].
    #[arg(long, value_name = "DAYS")]
    pub forward_days: Option<u32>,
    /// A day off besides those gavel ships (dd/mm/yyyy); repeat for each.
    #[arg(long = "holiday", value_name = "DATE")]
    pub holidays: Vec<String>,
    /// A Saturday or Sunday worked in exchange for a day off, besides those
    /// gavel ships (dd/mm/yyyy); repeat for each.
    #[arg(long = "make-up-day", value_name = "DATE")]
    pub make_up_days: Vec<String>,
    /// Write the demo meeting into the new file (see `gavel demo`).
    #[arg(long, conflicts_with_all = ["title", "from"])]
    pub demo: bool,
    /// Make the file readable and writable by its group too (mode 0660
    /// instead of 0600), for a secretary who logs in as another user.
    #[arg(long)]
    pub group: bool,
    #[command(flatten)]
    pub identity: Identity,
}

#[derive(Debug, Args)]
pub struct DemoArgs {
    /// Where to write the demo (default: a fresh file in the temporary
    /// directory). An existing file is opened as it is.
    pub file: Option<PathBuf>,
    /// `large`: a province-wide meeting (2,000 delegates, 300 agenda items,
    /// 5,000 issues, 3,000 actions, 200,000 journal entries) for trying
    /// gavel at scale.
    #[arg(long, value_enum, default_value_t = DemoSize::Small)]
    pub size: DemoSize,
    #[command(flatten)]
    pub console: ConsoleArgs,
}

#[derive(Debug, Args)]
pub struct ReviewArgs {
    /// The meeting file.
    pub file: PathBuf,
    /// Do not capture the mouse (lets the terminal select text).
    #[arg(long)]
    pub no_mouse: bool,
    /// Colour on screen (`auto` follows NO_COLOR and the config file).
    #[arg(long, value_enum, value_name = "WHEN")]
    pub color: Option<ColorChoice>,
}

#[derive(Debug, Args)]
pub struct ExportArgs {
    /// The meeting file.
    pub file: PathBuf,
    #[arg(long, value_enum)]
    pub format: ExportFormat,
    /// With --format csv: one table (default: all three, into the folder -o).
    #[arg(long, value_enum)]
    pub table: Option<TableArg>,
    /// With --format md or docx: which document (default: the minutes).
    #[arg(long, value_enum, default_value = "minutes")]
    pub document: DocumentArg,
    /// Write here instead of the standard output (`-`: the standard output;
    /// a folder for all CSV tables; docx goes to a file or into a pipe,
    /// never onto a terminal).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ExportFormat {
    /// The minutes (biên bản) in Markdown.
    Md,
    /// The minutes as a Word document, ready to print (needs -o).
    Docx,
    /// The whole record and journal (docs/json-format.md).
    Json,
    /// Tables for spreadsheets (docs/csv-format.md).
    Csv,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DocumentArg {
    /// The minutes (biên bản).
    Minutes,
    /// The conclusion notice (thông báo kết luận): the chair's conclusion
    /// and the tasks assigned.
    Notice,
    /// The report upward (báo cáo tổng hợp kiến nghị vượt thẩm quyền): the
    /// issues escalated or redirected, for the authorities to settle.
    Upward,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum TableArg {
    Issues,
    Actions,
    Turns,
}

#[derive(Debug, Args)]
pub struct ImportArgs {
    /// The meeting file (for a JSON export: the file to create).
    pub file: PathBuf,
    /// A participants list (.csv, or Unicode text .txt, as a spreadsheet
    /// saves them: UTF-8, UTF-16 or Windows-1258; comma, semicolon or tab),
    /// a plan (.toml) or a JSON export of a meeting (.json); `-` reads the
    /// standard input (with --input-format).
    pub source: PathBuf,
    /// What the source is, where its name cannot tell (`-`, or another
    /// extension).
    #[arg(long, value_enum, value_name = "FORMAT")]
    pub input_format: Option<InputFormat>,
    #[command(flatten)]
    pub writer: Writer,
}

/// What `gavel import` reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum InputFormat {
    /// A participants list, as a spreadsheet saves it.
    Csv,
    /// A plan.
    Toml,
    /// A JSON export of a meeting.
    Json,
}

#[derive(Debug, Args)]
pub struct RecoverArgs {
    /// The meeting file.
    pub file: PathBuf,
    /// The recovery file the console wrote.
    pub recovery: PathBuf,
    #[command(flatten)]
    pub writer: Writer,
}

#[derive(Debug, Args)]
pub struct ApproveArgs {
    /// The meeting file.
    pub file: PathBuf,
    #[command(flatten)]
    pub writer: Writer,
}

#[derive(Debug, Args)]
pub struct FollowupArgs {
    /// The meeting file.
    pub file: PathBuf,
    /// Only what is past its deadline; the exit status is then 1 when
    /// anything is overdue, 0 when nothing is (for a nightly reminder:
    /// `gavel followup FILE --overdue --format json || notify`).
    #[arg(long)]
    pub overdue: bool,
    /// Count days from this date (dd/mm/yyyy; default: today).
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
    /// Close written-reply issue number N (as in the minutes).
    #[arg(
        long,
        value_name = "N",
        requires = "reference",
        conflicts_with = "close_action"
    )]
    pub close_issue: Option<u32>,
    /// Mark action number N (as listed here) done.
    #[arg(long, value_name = "N", requires = "reference")]
    pub close_action: Option<u32>,
    /// The reference of the reply letter or document (e.g. 123/SKHCN-QLCN).
    #[arg(long = "ref", value_name = "REF")]
    pub reference: Option<String>,
    /// The date of the letter (dd/mm/yyyy; default: today).
    #[arg(long, value_name = "DATE")]
    pub on: Option<String>,
    /// What to write: the list (text), the follow-up report for leadership
    /// (md, docx), one table of everything followed up (csv) or the same
    /// for scripts (json, docs/followup-json.md).
    #[arg(
        long,
        value_enum,
        default_value = "text",
        conflicts_with_all = ["close_issue", "close_action"]
    )]
    pub format: FollowupFormat,
    /// Write here instead of the standard output (`-`: the standard output;
    /// docx goes to a file or into a pipe, never onto a terminal).
    #[arg(
        short,
        long,
        value_name = "OUT",
        conflicts_with_all = ["close_issue", "close_action"]
    )]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub writer: Writer,
}

// The register across meetings (issue 20) -------------------------------

/// Which meetings and petitions a register or a report covers.
#[derive(Debug, Args)]
pub struct Selection {
    /// Meeting files, or folders of them (every *.gavel file in a folder).
    #[arg(value_name = "FILE|DIR", required_unless_present = "archive")]
    pub files: Vec<PathBuf>,
    /// The meetings of the province's archive on PostgreSQL too (a
    /// connection string, docs/archive.md), counted as their files are.
    #[arg(long, value_name = "URL")]
    pub archive: Option<String>,
    /// Meetings held in this period: a month (2026-03), a quarter
    /// (2026-Q1), a half year (2026-H1), the first N months (2026-9M) or a
    /// year (2026).
    #[arg(long, value_name = "PERIOD", conflicts_with_all = ["from", "to"])]
    pub period: Option<String>,
    /// Meetings held on or after this day (dd/mm/yyyy).
    #[arg(long, value_name = "DATE")]
    pub from: Option<String>,
    /// Meetings held on or before this day (dd/mm/yyyy).
    #[arg(long, value_name = "DATE")]
    pub to: Option<String>,
    /// Petitions whose field contains this text (accents and case ignored).
    #[arg(long, value_name = "TEXT")]
    pub field: Option<String>,
    /// Petitions with this disposition (several: separated by commas).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "DISPOSITION")]
    pub disposition: Vec<DispositionArg>,
    /// Count days to this date (dd/mm/yyyy; default: today).
    #[arg(long, value_name = "DATE")]
    pub today: Option<String>,
}

/// A petition's disposition, as the register filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DispositionArg {
    /// Answered at the meeting.
    Answered,
    /// A written reply owed.
    WrittenReply,
    /// Escalated to a higher authority.
    Escalated,
    /// Redirected to the competent agency.
    Redirected,
    /// No way forward decided yet.
    Undecided,
    /// Withdrawn.
    Withdrawn,
}

/// Where a petition stands, as the register filters it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum StatusArg {
    /// Answered at the meeting.
    Answered,
    /// No way forward decided yet.
    Undecided,
    /// A written reply or forwarding owed, within its deadline.
    Pending,
    /// Owed and past its deadline.
    Overdue,
    /// Replied or forwarded (on time or late).
    Done,
    /// Replied or forwarded after the deadline.
    Late,
    /// Withdrawn.
    Withdrawn,
}

#[derive(Debug, Args)]
pub struct RegisterArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// Petitions in this status (several: separated by commas).
    #[arg(long, value_enum, value_delimiter = ',', value_name = "STATUS", conflicts_with_all = ["owed", "overdue"])]
    pub status: Vec<StatusArg>,
    /// What is still owed instead (written replies, forwardings, tasks),
    /// by department and owner.
    #[arg(long)]
    pub owed: bool,
    /// Only what is owed and past its deadline; the exit status is then 1
    /// when anything is overdue.
    #[arg(long)]
    pub overdue: bool,
    /// What to write: a list for people, a table for a spreadsheet, or
    /// JSON for scripts.
    #[arg(long, value_enum, default_value = "text")]
    pub format: RegisterFormat,
    /// Write here instead of the standard output (`-`: the standard output).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// What `gavel register` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum RegisterFormat {
    /// A line per petition (cut to fit only on a terminal).
    Text,
    /// A table for a spreadsheet.
    Csv,
    /// One JSON document, for scripts.
    Json,
}

#[derive(Debug, Args)]
pub struct PeriodReportArgs {
    #[command(flatten)]
    pub selection: Selection,
    /// What to write.
    #[arg(long, value_enum, default_value = "md")]
    pub format: PeriodReportFormat,
    /// Write here instead of the standard output (`-`: the standard output;
    /// docx goes to a file or into a pipe, never onto a terminal).
    #[arg(short, long, value_name = "OUT")]
    pub output: Option<PathBuf>,
}

/// What `gavel report` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum PeriodReportFormat {
    /// The report in Markdown.
    Md,
    /// The report as a Word document in the official layout (needs -o).
    Docx,
    /// The counts as one table, for a spreadsheet.
    Csv,
}

/// What `gavel followup` writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum FollowupFormat {
    /// What is still owed, with the days left (the default).
    Text,
    /// The follow-up report (báo cáo) in Markdown.
    Md,
    /// The follow-up report as a Word document, ready to print (needs -o).
    Docx,
    /// One table of everything followed up, for a spreadsheet.
    Csv,
    /// Everything followed up, for scripts (docs/followup-json.md).
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum DemoSize {
    Small,
    Large,
}

#[derive(Debug, Args)]
pub struct LogArgs {
    /// The meeting file.
    pub file: PathBuf,
    /// Keep printing new entries as they are committed.
    #[arg(long, short)]
    pub follow: bool,
    /// How each entry is printed: a line for people (people's texts cut to
    /// fit only on a terminal), a JSON object per line, or CSV rows
    /// (docs/scripting.md).
    #[arg(long, value_enum, default_value = "text")]
    pub format: LogFormat,
}

/// What `gavel log` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LogFormat {
    /// A line per entry: number, local time, who, what happened.
    Text,
    /// A JSON object per line (JSON Lines), with the event as recorded.
    Json,
    /// A header, then a row per entry, for a spreadsheet.
    Csv,
}

/// Who writes, for a command that writes: recorded in the journal and
/// checked against the role table, as in the console.
#[derive(Debug, Args, Clone)]
pub struct Writer {
    /// Your role: the chair may do everything; the secretary records
    /// issues, answers, actions, participants and follow-up, but does not
    /// approve the minutes. [default: chair, or GAVEL_ROLE, or `role` in
    /// the config file]
    #[arg(long, value_enum)]
    pub role: Option<RoleArg>,
    #[command(flatten)]
    pub identity: Identity,
}

/// Who is at the keyboard.
#[derive(Debug, Args, Clone)]
pub struct Identity {
    /// Your name in the journal [default: GAVEL_AS, `name` in the config
    /// file, or your login name].
    #[arg(long = "as", value_name = "NAME")]
    pub name: Option<String>,
    /// How hard every commit is made durable.
    #[arg(long, value_enum, default_value_t = SyncMode::Full)]
    pub sync: SyncMode,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum SyncMode {
    /// fsync every commit: survives a power cut.
    Full,
    /// fsync at checkpoints: survives a crash of gavel, not of the machine.
    Normal,
}

#[derive(Debug, Args)]
pub struct HallArgs {
    /// The meeting file.
    pub file: PathBuf,
    /// `dark`: white on black, for a dark room; `light`: black on white, for
    /// a bright one. `NO_COLOR` leaves the terminal's own colours.
    #[arg(long, value_enum, default_value_t = HallThemeArg::Dark)]
    pub theme: HallThemeArg,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum HallThemeArg {
    Dark,
    Light,
}
