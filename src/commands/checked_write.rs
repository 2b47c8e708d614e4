//! The last step of every edit (`plan set`, `plan event`): check the whole
//! plan as it would be with the new text, and write the file only when that
//! brings no error; else say why and leave the file byte for byte as it was.

use crate::cli::DiagnosticFormat;
use crate::open::Opened;
use crate::render::escape;
use crate::safe_write;
use crate::source::FileId;
use std::io::Write;

/// Writes `after` over `file` (whose text `opened` holds) if the plan then
/// has no errors. `Ok(Some(name))` with the file's name when written,
/// `Ok(None)` when refused (the findings printed to `err`).
pub fn write_checked(
    opened: Opened,
    file: FileId,
    after: String,
    err: &mut dyn Write,
) -> anyhow::Result<Option<String>> {
    let errors_before = opened.tally().errors;
    let before = opened.sources.get(file).text.clone();
    let path = opened.sources.get(file).path.clone();
    let checked = opened.with_text(file, after.clone());
    let name = escape::line(&checked.sources.get(file).name).into_owned();
    let errors: Vec<_> = checked
        .diagnostics
        .iter()
        .filter(|d| d.severity() == crate::diag::Severity::Error)
        .cloned()
        .collect();
    if !errors.is_empty() {
        DiagnosticFormat::Human.render(err, &checked.sources, &errors, false)?;
        let why = if errors_before > 0 {
            "the plan has errors already, not from this change: mend them first"
        } else {
            "with this change the plan would have errors"
        };
        writeln!(err, "refused: {why}; {name} is unchanged")?;
        return Ok(None);
    }
    safe_write::replace(&path, &before, &after)?;
    Ok(Some(name))
}
