//! The command line: `sitrep [PATH…]` opens the reader, subcommands give scripts the same
//! data (`extract`, `list`, `search`, `party`, `completions`).

mod archive;

use crate::config::Config;
use crate::export::{Report, to_json, to_markdown};
use crate::extract::Gazetteer;
use crate::extract::Kind;
use crate::library::doc::{DateSource, Doc};
use crate::library::{Entry, Library, load_all};
use crate::sanitize::visible;
use crate::tui::text::plural;
use clap::{CommandFactory, Parser, Subcommand, ValueEnum};
use serde::Serialize;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "sitrep",
    version,
    about = "A terminal reader for conflict news briefings: who said what, who claims and who denies."
)]
pub struct Cli {
    /// Briefing files or folders to open (default: the config's folder, else `briefings/`).
    pub paths: Vec<PathBuf>,
    /// Configuration file laid over the built-in one (default:
    /// `$XDG_CONFIG_HOME/sitrep/config.toml` when it exists).
    #[arg(long, global = true, value_name = "PATH")]
    pub config: Option<PathBuf>,
    /// What to do instead of opening the reader.
    #[command(subcommand)]
    pub command: Option<Command>,
}

/// The exit status of `extract` and `list`, for their `--help`: scripts need it to tell a
/// folder read whole from one with a briefing missing.
const EXIT_WHEN_UNREAD: &str = "Exit status: 0 when every briefing was read, 1 when one could \
    not be (it is printed with its error, every other one as usual)";

/// Subcommands for scripts.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Print quotes, speakers, parties, claims and denials of briefings.
    #[command(after_help = EXIT_WHEN_UNREAD)]
    Extract {
        /// Files or folders, read recursively (default: the config's folder, else
        /// `briefings/`).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// List briefings with their counts of quotes, claims and denials (uses the cache).
    #[command(after_help = EXIT_WHEN_UNREAD)]
    List {
        /// Files or folders (default: the config's folder, else `briefings/`).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Find briefings: words, "exact phrase", -word, party:, speaker:, kind:, tag:, date:.
    #[command(
        after_help = "Exit status: 0 when something matches, 1 when nothing does, 2 \
        when a path or briefing could not be read (named on stderr, after what was found \
        elsewhere) or the query is not understood, as grep does"
    )]
    Search {
        /// The query, e.g. 'russia "aid convoy" kind:denial date:2016-09..2016-10'; it may
        /// begin with an exclusion ('-ukraine russia').
        #[arg(allow_hyphen_values = true)]
        query: String,
        /// Files or folders (default: the config's folder, else `briefings/`).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
        /// Print only the paths of matching briefings, one per line (like `grep -l`): no
        /// briefing file is opened, the index alone answers.
        #[arg(long = "files", short = 'l', conflicts_with = "format")]
        files_only: bool,
    },
    /// Every claim and denial of a party across the briefings, newest first.
    #[command(
        after_help = "Exit status: 0 when the party made a claim or denial, 1 when it \
        made none (stderr says whether the name is a known party at all), 2 when a path or \
        briefing could not be read (named on stderr instead)"
    )]
    Party {
        /// The party: any name or alias ("Russia", "Kremlin", "ISIS").
        name: String,
        /// Files or folders (default: the config's folder, else `briefings/`).
        paths: Vec<PathBuf>,
        /// Output format.
        #[arg(long, short, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a shell completion script.
    Completions {
        /// The shell.
        shell: clap_complete::Shell,
    },
}

/// Output formats of `extract`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// A JSON array, one object per briefing (a stable contract).
    Json,
    /// Markdown for reports.
    Md,
}

/// Output formats of `list`, `search` and `party`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    /// One tab-separated line per result, for people and `cut`.
    Text,
    /// A JSON array (a stable contract).
    Json,
}

/// Runs the command line and returns the process exit code. Output cut short by its reader
/// (`sitrep search … | head`) ends the program quietly and successfully, as grep and rg do.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) if broken_pipe(&e) => ExitCode::SUCCESS,
        Err(e) => {
            note(format_args!("{e:#}"));
            ExitCode::from(2)
        }
    }
}

/// True when an error is the reader of our output having gone away.
fn broken_pipe(e: &anyhow::Error) -> bool {
    e.chain().any(|cause| {
        cause
            .downcast_ref::<std::io::Error>()
            .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
    })
}

/// Writes `sitrep: message` to stderr. Unlike `eprintln!` it never panics: stderr may be the
/// same closed pipe as stdout.
pub(crate) fn note(message: std::fmt::Arguments) {
    let _ = writeln!(std::io::stderr(), "sitrep: {message}");
}

/// The paths given, else the config's folder (`briefings/` unless the user's config says).
/// When none were given and that folder is not there, says so on stderr, naming the folder
/// looked for and how to pass one (`usage`, as in `sitrep list`), and returns `None`: a
/// bare "No such file or directory" left a new user guessing.
fn default_paths(paths: Vec<PathBuf>, config: &Config, usage: &str) -> Option<Vec<PathBuf>> {
    if !paths.is_empty() {
        return Some(paths);
    }
    let folder = &config.folder;
    if folder.symlink_metadata().is_ok() {
        return Some(vec![folder.clone()]);
    }
    let shown = |p: &Path| visible(&p.display().to_string(), false).into_owned();
    let here = match std::env::current_dir() {
        Ok(dir) if folder.is_relative() => format!(" in {}", shown(&dir)),
        _ => String::new(),
    };
    note(format_args!(
        "no folder `{}`{here} to read briefings from (the default: `folder` in config.toml); \
         pass a folder or files, as in `{usage} PATH…`",
        shown(folder)
    ));
    None
}

/// Executes parsed arguments.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let config = Config::load(cli.config.as_deref())?;
    let extended =
        (!config.parties.is_empty()).then(|| Gazetteer::builtin().with_extra(&config.parties));
    let gazetteer = extended.as_ref().unwrap_or(Gazetteer::builtin());
    // Into a pipe or a file, output goes out in large blocks (100,000 search results are
    // 100,000 lines); on a terminal, line by line as usual.
    let mut stdout: Box<dyn Write> = if std::io::IsTerminal::is_terminal(&std::io::stdout()) {
        Box::new(std::io::stdout().lock())
    } else {
        Box::new(std::io::BufWriter::with_capacity(
            1 << 16,
            std::io::stdout().lock(),
        ))
    };
    let code = match cli.command {
        Some(Command::Extract { paths, format }) => {
            let Some(paths) = default_paths(paths, &config, "sitrep extract") else {
                return Ok(ExitCode::from(2));
            };
            let entries = load_all(&paths, gazetteer);
            let reports: Vec<Report> = entries.iter().map(report).collect();
            match format {
                Format::Json => writeln!(stdout, "{}", to_json(&reports))?,
                Format::Md => {
                    for r in &reports {
                        writeln!(stdout, "{}", to_markdown(r))?;
                    }
                }
            }
            for r in reports.iter().filter(|r| r.error.is_some()) {
                // The path is the file's name as found: it may hold escape sequences too.
                note(format_args!(
                    "{}: {}",
                    crate::sanitize::visible(&r.path, false),
                    r.error.as_deref().unwrap_or("")
                ));
            }
            Ok(exit_for(&entries))
        }
        Some(Command::List { paths, format }) => {
            let Some(paths) = default_paths(paths, &config, "sitrep list") else {
                return Ok(ExitCode::from(2));
            };
            let library = Library::open_blocking(&paths, &archive::options(gazetteer));
            match format {
                ListFormat::Text => {
                    for doc in library.docs() {
                        writeln!(stdout, "{}", list_line(doc))?;
                    }
                }
                ListFormat::Json => {
                    let listed: Vec<ListedJson> = library.docs().map(ListedJson::of).collect();
                    writeln!(stdout, "{}", serde_json::to_string_pretty(&listed)?)?;
                }
            }
            Ok(archive::exit_for(&library))
        }
        Some(Command::Search {
            query,
            paths,
            format,
            files_only,
        }) => {
            let Some(paths) = default_paths(paths, &config, "sitrep search QUERY") else {
                return Ok(ExitCode::from(2));
            };
            let output = if files_only {
                archive::SearchOutput::Files
            } else {
                archive::SearchOutput::Hits(format)
            };
            archive::search(&query, &paths, gazetteer, output, &mut stdout)
        }
        Some(Command::Party {
            name,
            paths,
            format,
        }) => {
            let Some(paths) = default_paths(paths, &config, "sitrep party NAME") else {
                return Ok(ExitCode::from(2));
            };
            archive::party(&name, &paths, gazetteer, format, &mut stdout)
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut Cli::command(), "sitrep", &mut stdout);
            Ok(ExitCode::SUCCESS)
        }
        None => {
            let Some(paths) = default_paths(cli.paths, &config, "sitrep") else {
                return Ok(ExitCode::from(2));
            };
            drop(stdout);
            return open_reader(&paths, gazetteer, config);
        }
    }?;
    stdout.flush()?;
    Ok(code)
}

/// Opens the reader on `paths` through the library (the list at once, from the user's
/// cache or the file names; everything else read in the background, then watched). When
/// stdout is not a terminal (a pipe, a file, a script) a full-screen program would only
/// write escape codes into it, so the briefings are printed as Markdown instead, with a note
/// on stderr.
fn open_reader(
    paths: &[PathBuf],
    gazetteer: &Gazetteer,
    config: Config,
) -> anyhow::Result<ExitCode> {
    use std::io::IsTerminal;
    // A path that is not there is a typo to name, not an archive to open empty.
    let missing: Vec<&PathBuf> = paths
        .iter()
        .filter(|p| p.symlink_metadata().is_err())
        .collect();
    if !missing.is_empty() {
        for path in missing {
            note(format_args!(
                "{}: no such file or folder",
                visible(&path.display().to_string(), false)
            ));
        }
        return Ok(ExitCode::from(2));
    }
    if !std::io::stdout().is_terminal() {
        note(format_args!(
            "stdout is not a terminal, so printing the briefings as Markdown instead of opening the reader"
        ));
        let entries = load_all(paths, gazetteer);
        let mut stdout = std::io::stdout().lock();
        for e in &entries {
            writeln!(stdout, "{}", to_markdown(&report(e)))?;
        }
        return Ok(exit_for(&entries));
    }
    let library = Library::open(paths, &archive::reader_options(gazetteer));
    match crate::tui::run(library, config)? {
        Some(signal) => Ok(ExitCode::from(128u8.saturating_add(signal as u8))),
        None => Ok(ExitCode::SUCCESS),
    }
}

fn report(e: &Entry) -> Report {
    match e {
        Entry::Ok(b, x) => Report::new(b, x),
        Entry::Failed(err) => Report::failed(err),
    }
}

/// One line of `sitrep list`: path, counts, title (or the error).
fn list_line(doc: &Doc) -> String {
    let path = visible(&doc.path.display().to_string(), false).into_owned();
    match &doc.error {
        None => format!(
            "{path}\t{}\t{}\t{}\t{}",
            plural(doc.quotes, "quote"),
            plural(doc.count(Kind::Claim), "claim"),
            plural(doc.count(Kind::Denial), "denial"),
            visible(&doc.title, false)
        ),
        Some(err) => format!("{path}\terror: {}", visible(err, false)),
    }
}

/// A briefing as `sitrep list --format json` prints it (a stable contract): what the text
/// line says, under the names `search` and `party` give the same things.
#[derive(Debug, Serialize)]
struct ListedJson<'a> {
    /// The file.
    #[serde(serialize_with = "crate::export::lossy_path")]
    path: &'a Path,
    /// Its headline (the file name when it could not be read).
    title: &'a str,
    /// Its date, `YYYY-MM-DD`.
    date: &'a str,
    /// Where the date comes from: `front_matter`, `file_name` or `modified`.
    date_source: DateSource,
    /// Front matter tags.
    tags: &'a [String],
    /// Why it could not be read; `null` when it was.
    error: Option<&'a str>,
    /// True when it was read with warnings (`sitrep extract` says which).
    warned: bool,
    /// Direct quotations.
    quotes: usize,
    /// Claims.
    claims: usize,
    /// Denials.
    denials: usize,
}

impl ListedJson<'_> {
    fn of(doc: &Doc) -> ListedJson<'_> {
        ListedJson {
            path: &doc.path,
            title: &doc.title,
            date: &doc.date,
            date_source: doc.date_source,
            tags: &doc.tags,
            error: doc.error.as_deref(),
            warned: doc.warned,
            quotes: doc.quotes,
            claims: doc.count(Kind::Claim),
            denials: doc.count(Kind::Denial),
        }
    }
}

fn exit_for(entries: &[Entry]) -> ExitCode {
    if entries.iter().any(|e| matches!(e, Entry::Failed(_))) {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    }
}
