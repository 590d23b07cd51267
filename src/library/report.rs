//! Writing one briefing's report — quotes and the claims-vs-denials table — or a party's
//! dossier to a Markdown file the analyst can attach or paste, next to wherever they asked
//! for it.

use super::cache::write_atomically;
use super::{Entry, Library};
use crate::briefing::REPORT_SUFFIX;
use crate::export::{DossierItem, Report, dossier_to_markdown, to_markdown};
use crate::extract::Gazetteer;
use std::io::Write;
use std::path::{Path, PathBuf};

/// Writes the Markdown report of the briefing at `briefing` into `dir` as
/// `<file stem>.sitrep.md` (`-2`, `-3`… when that name is taken, so nothing is overwritten)
/// and returns the path written. The briefing file itself is never touched.
pub fn write_markdown(
    briefing: &Path,
    gazetteer: &Gazetteer,
    dir: &Path,
) -> std::io::Result<PathBuf> {
    let report = match Entry::load(briefing, gazetteer) {
        Entry::Ok(b, x) => Report::new(&b, &x),
        Entry::Failed(e) => return Err(std::io::Error::other(e.to_string())),
    };
    let stem = briefing
        .file_stem()
        .map_or_else(|| "briefing".into(), |s| s.to_string_lossy().into_owned());
    let target = free_name(dir, &stem);
    write_atomically(&target, |f| f.write_all(to_markdown(&report).as_bytes()))?;
    Ok(target)
}

/// Writes the dossier of `party` (any name or alias) — every claim and denial it made across
/// `library`, newest first — into `dir` as `dossier-<party>.sitrep.md` (numbered when taken)
/// and returns the path written. The sentences are read from the briefings, never written.
pub fn write_dossier_markdown(
    library: &Library,
    party: &str,
    dir: &Path,
) -> std::io::Result<PathBuf> {
    let (name, entries) = library.dossier(party);
    let items: Vec<DossierItem> = entries
        .iter()
        .map(|e| DossierItem {
            date: e.doc.date_label(),
            kind: e.statement.kind,
            actor: e.doc.actor(e.statement),
            text: &e.text,
            answers: e
                .counter
                .as_ref()
                .map(|(other, said)| (e.doc.actor(other), said.as_str())),
            title: &e.doc.title,
            path: e.doc.path.display().to_string(),
        })
        .collect();
    let slug: String = name
        .to_lowercase()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .collect::<Vec<_>>()
        .join("-");
    let target = free_name(dir, &format!("dossier-{slug}"));
    let md = dossier_to_markdown(&name, &items);
    write_atomically(&target, |f| f.write_all(md.as_bytes()))?;
    Ok(target)
}

/// `<stem>.sitrep.md` in `dir`, or `<stem>-2.sitrep.md`, `-3`… when taken, so nothing is
/// overwritten.
fn free_name(dir: &Path, stem: &str) -> PathBuf {
    (1..)
        .map(|n| match n {
            1 => dir.join(format!("{stem}{REPORT_SUFFIX}")),
            n => dir.join(format!("{stem}-{n}{REPORT_SUFFIX}")),
        })
        .find(|p| !p.exists())
        .expect("some numbered name is free")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn writes_beside_never_over() {
        let dir = tempfile::tempdir().unwrap();
        let briefing = dir.path().join("raid.txt");
        std::fs::write(&briefing, "Raid on convoy\n\nThe convoy was hit.\n").unwrap();
        let g = Gazetteer::builtin();
        let first = write_markdown(&briefing, g, dir.path()).unwrap();
        let second = write_markdown(&briefing, g, dir.path()).unwrap();
        assert_eq!(first.file_name().unwrap(), "raid.sitrep.md");
        assert_eq!(second.file_name().unwrap(), "raid-2.sitrep.md");
        // A report written into the folder being read is not read back as a briefing.
        assert!(!crate::briefing::is_briefing_file(&first));
        assert!(!crate::briefing::is_briefing_file(Path::new(
            "RAID.SITREP.MD"
        )));
        assert!(crate::briefing::is_briefing_file(&briefing));
        let md = std::fs::read_to_string(first).unwrap();
        assert!(md.starts_with("# Raid on convoy"), "{md}");
        assert_eq!(
            std::fs::read_to_string(&briefing).unwrap(),
            "Raid on convoy\n\nThe convoy was hit.\n"
        );
    }
}
