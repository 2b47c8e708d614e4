//! TOML text to [`RawFile`]: parses a file with `toml`'s spanned document
//! parser and walks its tables by hand, so that *every* unknown key, missing
//! key and wrong type in a file is reported in one pass, each at its own
//! line (serde's derive stops at the first).

use crate::diag::{Diagnostic, Finding};
use crate::file_format::{self, Shape, TableFormat};
use crate::language_findings::LanguageFinding;
use crate::raw::*;
use crate::source::{FileId, Loc};
use crate::translations::TwinText;
use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};

type Value<'i> = toml::Spanned<DeValue<'i>>;

/// Parses one file's text. A syntax error yields one `toml-syntax` finding
/// and nothing else from that file; but a TOML date that is no day of the
/// calendar (`2013-02-30`) is reported as such, and the rest of the file
/// read with the nearest real day in its place, so that it hides nothing.
pub fn read_file(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> RawFile {
    let mut mended = std::borrow::Cow::Borrowed(text);
    let mut days_mended = 0;
    loop {
        let err = match DeTable::parse(&mended) {
            Ok(document) => return read_document(file, &mended, &document, diagnostics),
            Err(err) => err,
        };
        let span = err.span().unwrap_or(0..0);
        let nearest = (days_mended < MAX_MENDED_DAYS)
            .then(|| nearest_day(&mended, span.clone()))
            .flatten();
        let Some(nearest) = nearest else {
            let message = err.message().trim().to_string();
            diagnostics.push(Diagnostic::new(
                Finding::TomlSyntax { message },
                Loc::new(file, span),
            ));
            return RawFile::default();
        };
        diagnostics.push(Diagnostic::new(
            Finding::NoSuchDay {
                written: mended[span.clone()].to_string(),
                nearest: nearest.clone(),
            },
            Loc::new(file, span.clone()),
        ));
        mended.to_mut().replace_range(span, &nearest);
        days_mended += 1;
    }
}

/// Days that are no days mended in one file before the next counts as a
/// syntax error: each costs a parse of the file.
const MAX_MENDED_DAYS: usize = 100;

fn read_document(
    file: FileId,
    text: &str,
    document: &toml::Spanned<DeTable<'_>>,
    diagnostics: &mut Vec<Diagnostic>,
) -> RawFile {
    let mut reader = Reader {
        file,
        text,
        diagnostics,
    };
    let root = document.get_ref();
    if root.is_empty() {
        reader
            .diagnostics
            .push(Diagnostic::new(Finding::EmptyFile, Loc::new(file, 0..0)));
        return RawFile::default();
    }
    reader.file_tables(root)
}

/// For a syntax error at a TOML date that is no day (`2013-02-30`,
/// `2012-13-01`), the nearest real day, written in as many bytes.
fn nearest_day(text: &str, span: std::ops::Range<usize>) -> Option<String> {
    let written = text.get(span)?;
    let digits = |range: std::ops::Range<usize>| -> Option<u32> {
        let part = written.get(range)?;
        part.bytes()
            .all(|b| b.is_ascii_digit())
            .then(|| part.parse().ok())?
    };
    if written.len() != 10 || &written[4..5] != "-" || &written[7..8] != "-" {
        return None;
    }
    let year = i32::try_from(digits(0..4)?).ok()?;
    let month = digits(5..7)?.clamp(1, 12);
    let day = digits(8..10)?.max(1);
    if NaiveDate::from_ymd_opt(year, digits(5..7)?, day).is_some() && day == digits(8..10)? {
        return None;
    }
    let last = (28..=31)
        .rev()
        .find(|&d| NaiveDate::from_ymd_opt(year, month, d).is_some())?;
    Some(format!("{year:04}-{month:02}-{:02}", day.min(last)))
}

struct Reader<'d> {
    file: FileId,
    text: &'d str,
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// One TOML table being read, where its header is, and what kind it is.
struct Table<'t, 'i> {
    table: &'t DeTable<'i>,
    loc: Loc,
    format: &'static TableFormat,
}

impl<'t, 'i> Table<'t, 'i> {
    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table.get(key)
    }
}

impl Reader<'_> {
    fn loc(&self, span: std::ops::Range<usize>) -> Loc {
        Loc::new(self.file, span)
    }

    fn file_tables(&mut self, root: &DeTable<'_>) -> RawFile {
        let top = Table {
            table: root,
            loc: self.loc(0..0),
            format: &file_format::FILE,
        };
        self.check_keys(&top);
        let mut raw = RawFile::default();
        if let Some(t) = self.table(&top, "plan") {
            raw.plan = self.plan(&t);
        }
        for t in self.tables(&top, "agency") {
            raw.agencies.extend(self.agency(&t));
        }
        if let Some(t) = self.table(&top, "card") {
            raw.card = self.card(&t);
        }
        let priorities = self.tables(&top, "priority");
        raw.priorities = self.each(&priorities, Self::priority);
        for t in self.tables(&top, "recommendation") {
            raw.recommendations.extend(self.recommendation(&t));
        }
        for t in self.tables(&top, "measure") {
            raw.measures.extend(self.measure(&t));
        }
        for t in self.tables(&top, "event") {
            raw.events.extend(self.event(&t));
        }
        if let Some(t) = self.table(&top, "check") {
            raw.check = Some(self.check(&t));
        }
        raw
    }

    /// `[check]`: each code named with its level; a name that is no code,
    /// or an error code allowed, is a finding at the name.
    fn check(&mut self, t: &Table) -> crate::levels::Levels {
        use crate::levels::Level;
        self.check_keys(t);
        let mut levels = crate::levels::Levels::default();
        for (key, level) in [
            ("allow", Level::Allow),
            ("warn", Level::Warn),
            ("deny", Level::Deny),
        ] {
            let names = self.value(t, key, Self::strings);
            for name in names.map(|n| n.value).unwrap_or_default() {
                if let Err(error) = levels.set(&name.value, level) {
                    self.diagnostics
                        .push(Diagnostic::new(Finding::BadLevel { error }, name.loc));
                }
            }
        }
        levels
    }

    fn plan(&mut self, t: &Table) -> Option<RawPlan> {
        let twins = self.check_keys(t);
        let title = self.value(t, "title", Self::string);
        let owner = self.value(t, "owner", Self::string);
        let start = self.value(t, "start", Self::date);
        let end = self.value(t, "end", Self::date);
        let asap_days = self.value(t, "asap_days", Self::integer);
        let year_start = self.value(t, "year_start", Self::integer);
        let review_days = self.value(t, "review_days", Self::integer);
        let max_revisions = self.value(t, "max_revisions", Self::integer);
        let accountability_threshold = self.value(t, "accountability_threshold", Self::integer);
        let languages = self.value(t, "languages", Self::strings);
        Some(RawPlan {
            loc: t.loc,
            title: title?,
            owner,
            start: start?,
            end: end?,
            asap_days,
            year_start,
            review_days,
            max_revisions,
            accountability_threshold,
            languages,
            twins,
        })
    }

    fn agency(&mut self, t: &Table) -> Option<RawAgency> {
        let twins = self.check_keys(t);
        let id = self.value(t, "id", Self::string);
        let name = self.value(t, "name", Self::string);
        let kind = self.value(t, "kind", Self::string);
        let aliases = self.value(t, "aliases", Self::strings);
        let part_of = self.value(t, "part_of", Self::string);
        let email = self.value(t, "email", Self::string_or_strings);
        let contact = self.value(t, "contact", Self::string);
        let language = self.value(t, "language", Self::string);
        Some(RawAgency {
            loc: t.loc,
            id: id?,
            name: name?,
            kind,
            aliases: aliases.map(|a| a.value).unwrap_or_default(),
            part_of,
            email: email.map(|e| e.value).unwrap_or_default(),
            contact,
            language,
            twins,
        })
    }

    fn card(&mut self, t: &Table) -> Option<RawCard> {
        let twins = self.check_keys(t);
        let id = self.value(t, "id", Self::string);
        let title = self.value(t, "title", Self::string);
        let list = |r: &mut Self, key| {
            r.value(t, key, Self::strings)
                .map(|a| a.value)
                .unwrap_or_default()
        };
        let outcomes = list(self, "outcomes");
        let measures = list(self, "measures");
        let challenges = list(self, "challenges");
        let main_actions = list(self, "main_actions");
        let area = self.value(t, "area", Self::string);
        let story = self.value(t, "story", Self::string);
        let sponsor = self.value(t, "sponsor", Self::string);
        Some(RawCard {
            id: id?,
            title: title?,
            outcomes,
            area,
            measures,
            story,
            challenges,
            main_actions,
            sponsor,
            twins,
        })
    }

    fn priority(&mut self, t: &Table) -> Option<RawPriority> {
        let twins = self.check_keys(t);
        let id = self.value(t, "id", Self::number_id);
        let title = self.value(t, "title", Self::string);
        let sponsor = self.value(t, "sponsor", Self::string);
        let tables = self.tables(t, "action");
        let actions = self.each(&tables, Self::action);
        Some(RawPriority {
            loc: t.loc,
            id: id?,
            title: title?,
            sponsor,
            actions,
            twins,
        })
    }

    fn action(&mut self, t: &Table) -> Option<RawAction> {
        let twins = self.check_keys(t);
        let id = self.value(t, "id", Self::number_id);
        let title = self.value(t, "title", Self::string);
        let sponsor = self.value(t, "sponsor", Self::string);
        let tables = self.tables(t, "task");
        let tasks = self.each(&tables, Self::task);
        Some(RawAction {
            id: id?,
            title: title?,
            sponsor,
            tasks,
            twins,
        })
    }

    fn task(&mut self, t: &Table) -> Option<RawTask> {
        let twins = self.check_keys(t);
        let id = self.value(t, "id", Self::string);
        let text = self.value(t, "text", Self::string);
        let lead = self.value(t, "lead", Self::string_or_strings);
        let due = self.value(t, "due", Self::when);
        let resources = self.value(t, "resources", Self::string);
        let rag = self.value(t, "rag", Self::string);
        let done = self.value(t, "done", Self::date);
        let updated = self.value(t, "updated", Self::date);
        let note = self.value(t, "note", Self::string);
        // Most tasks have none of the other keys: when the keys read above
        // are all the table holds, there is nothing more to look up.
        let read = [id.is_some(), text.is_some(), lead.is_some(), due.is_some()]
            .into_iter()
            .chain([resources.is_some(), rag.is_some(), done.is_some()])
            .chain([updated.is_some(), note.is_some()])
            .filter(|&read| read)
            .count();
        let (details, updates) = match t.table.len() > read {
            true => {
                let tables = self.tables(t, "update");
                (
                    self.task_details(t).boxed(),
                    self.each(&tables, Self::update),
                )
            }
            false => (None, Vec::new()),
        };
        Some(RawTask {
            loc: t.loc,
            id: id?,
            text: text?,
            lead,
            due,
            resources,
            rag,
            done,
            updated,
            note,
            updates,
            details,
            twins,
        })
    }

    /// A task's keys that few tasks have: its reference, revised target and status.
    fn task_details(&mut self, t: &Table) -> RawTaskDetails {
        RawTaskDetails {
            reference: self.value(t, "ref", Self::string),
            original_due: self.value(t, "original_due", Self::when),
            due_revisions: self.value(t, "due_revisions", Self::integer),
            status: self.value(t, "status", Self::string),
            status_reason: self.value(t, "status_reason", Self::string),
            status_date: self.value(t, "status_date", Self::date),
            carried_to: self.value(t, "carried_to", Self::string),
            next_review: self.value(t, "next_review", Self::date),
        }
    }

    fn update(&mut self, t: &Table) -> Option<RawUpdate> {
        let twins = self.check_keys(t);
        let date = self.value(t, "date", Self::date);
        let kind = self.value(t, "kind", Self::string);
        let rag = self.value(t, "rag", Self::string);
        let note = self.value(t, "note", Self::string);
        let by = self.value(t, "by", Self::string);
        let evidence = self.value(t, "evidence", Self::string);
        let sheet = self.value(t, "sheet", Self::string);
        Some(RawUpdate {
            date: date?,
            kind,
            rag,
            note,
            by,
            evidence,
            sheet,
            twins,
        })
    }

    fn recommendation(&mut self, t: &Table) -> Option<RawRecommendation> {
        let twins = self.check_keys(t);
        let id = self.value(t, "id", Self::string);
        let text = self.value(t, "text", Self::string);
        let response = self.value(t, "response", Self::string);
        let response_text = self.value(t, "response_text", Self::string);
        let owner = self.value(t, "owner", Self::string);
        let actions = self.value(t, "actions", Self::strings);
        Some(RawRecommendation {
            id: id?,
            text: text?,
            response: response?,
            response_text,
            owner,
            actions: actions.map(|a| a.value).unwrap_or_default(),
            twins,
        })
    }

    fn measure(&mut self, t: &Table) -> Option<RawMeasure> {
        let twins = self.check_keys(t);
        let id = self.value(t, "id", Self::string);
        let title = self.value(t, "title", Self::string);
        let better = self.value(t, "better", Self::string);
        let unit = self.value(t, "unit", Self::string);
        let values = self
            .tables(t, "values")
            .iter()
            .filter_map(|v| self.measure_value(v))
            .collect();
        let target = self.table(t, "target").and_then(|v| self.measure_value(&v));
        Some(RawMeasure {
            loc: t.loc,
            id: id?,
            title: title?,
            better,
            unit,
            values,
            target,
            twins,
        })
    }

    fn event(&mut self, t: &Table) -> Option<RawEvent> {
        let twins = self.check_keys(t);
        let id = self.value(t, "id", Self::string);
        let title = self.value(t, "title", Self::string);
        let date = self.value(t, "date", Self::date);
        Some(RawEvent {
            loc: t.loc,
            id: id?,
            title: title?,
            date,
            twins,
        })
    }

    fn measure_value(&mut self, t: &Table) -> Option<RawMeasureValue> {
        self.check_keys(t);
        let period = self.value(t, "period", Self::when);
        let value = self.value(t, "value", Self::number);
        let note = self.value(t, "note", Self::string);
        Some(RawMeasureValue {
            period: period?,
            value: value?,
            note,
        })
    }

    /// Reads each table; the vector is sized once (a plan holds millions of these).
    fn each<T>(&mut self, tables: &[Table], read: fn(&mut Self, &Table) -> Option<T>) -> Vec<T> {
        let mut all = Vec::with_capacity(tables.len());
        all.extend(tables.iter().filter_map(|t| read(self, t)));
        all
    }

    // ---- keys ----

    /// Reports each key the table's format does not have, and reads the
    /// twins (`title_cy`) of its keys, which the format declares through
    /// their keys: whether they are in a language of the plan is checked
    /// once every file is read (validate/languages.rs).
    fn check_keys(&mut self, t: &Table) -> RawTwins {
        let mut twins = RawTwins::default();
        for (key, value) in t.table.iter() {
            let name = key.get_ref().as_ref();
            if t.format.key(name).is_some() {
                continue;
            }
            let Some((base, code)) = t.format.twin(name) else {
                self.diagnostics.push(Diagnostic::new(
                    Finding::UnknownKey {
                        key: name.to_string(),
                        table: t.format,
                    },
                    self.loc(key.span()),
                ));
                continue;
            };
            if !base.translatable {
                let finding = LanguageFinding::TwinOfUntranslatable {
                    key: name.to_string(),
                    base: base.name,
                    table: t.format,
                };
                let loc = self.loc(key.span());
                self.diagnostics
                    .push(Diagnostic::new(Finding::Language(finding), loc));
                continue;
            }
            let text = match base.shape {
                Shape::Texts => self
                    .strings(name, value)
                    .map(|list| TwinText::Many(list.value.into_iter().map(|s| s.value).collect())),
                _ => self.string(name, value).map(|s| TwinText::One(s.value)),
            };
            let Some(text) = text else {
                continue;
            };
            twins.push(RawTwin {
                key: base,
                code: Spanned {
                    value: code.to_string(),
                    loc: self.loc(key.span()),
                },
                text,
            });
        }
        twins
    }

    /// The value of `key`, read by `read`; an absent key is a finding
    /// when the format says it is required.
    fn value<T>(
        &mut self,
        t: &Table,
        key: &str,
        read: fn(&mut Self, &str, &Value) -> Option<T>,
    ) -> Option<T> {
        match t.get(key) {
            Some(v) => read(self, key, v),
            None => {
                if let Some(declared) = t.format.key(key).filter(|k| k.required) {
                    self.diagnostics.push(Diagnostic::new(
                        Finding::MissingKey {
                            key: declared,
                            table: t.format,
                        },
                        t.loc,
                    ));
                }
                None
            }
        }
    }

    fn wrong_type(&mut self, key: &str, value: &Value, wanted: &str) {
        self.diagnostics.push(Diagnostic::new(
            Finding::WrongType {
                key: key.to_string(),
                wanted: wanted.to_string(),
                found: describe(value.get_ref()),
            },
            self.loc(value.span()),
        ));
    }

    // ---- tables ----

    /// The format of the table(s) under `key`, as the file format declares it.
    fn nested(t: &Table, key: &str) -> &'static TableFormat {
        match t.format.key(key).map(|k| k.shape) {
            Some(Shape::Table(format) | Shape::Tables(format)) => format,
            _ => unreachable!("`{key}` is read as a table but not declared as one"),
        }
    }

    /// A single table such as `[plan]`.
    fn table<'t, 'i>(&mut self, t: &Table<'t, 'i>, key: &str) -> Option<Table<'t, 'i>> {
        let value = t.get(key)?;
        let format = Self::nested(t, key);
        match value.get_ref() {
            DeValue::Table(table) => Some(Table {
                table,
                loc: self.header_loc(value),
                format,
            }),
            _ => {
                self.wrong_type(key, value, &format!("a table (`{}`)", format.header));
                None
            }
        }
    }

    /// An array of tables such as `[[agency]]`.
    fn tables<'t, 'i>(&mut self, t: &Table<'t, 'i>, key: &str) -> Vec<Table<'t, 'i>> {
        let Some(value) = t.get(key) else {
            return Vec::new();
        };
        let format = Self::nested(t, key);
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(
                key,
                value,
                &format!("an array of tables (`{}`)", format.header),
            );
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(table) => tables.push(Table {
                    table,
                    loc: self.header_loc(item),
                    format,
                }),
                _ => self.wrong_type(key, item, "a table"),
            }
        }
        tables
    }

    /// The first line of a table's span: its `[header]`, where one is written.
    fn header_loc(&self, value: &Value) -> Loc {
        let span = value.span();
        let line = self.text.get(span.clone()).unwrap_or("");
        let first_line = line.split('\n').next().unwrap_or("").trim_end();
        self.loc(span.start..span.start + first_line.len())
    }

    // ---- values ----

    /// Warns of a character in a text value that does not show as itself,
    /// at the character where it is written as itself, else at the value.
    fn hidden_characters(&mut self, text: &str, value: &Value) {
        let Some((_, ch, count)) = crate::hidden::find(text) else {
            return;
        };
        let span = value.span();
        let written = self.text.get(span.clone()).unwrap_or("");
        let mut utf8 = [0; 4];
        let at = match written.find(&*ch.encode_utf8(&mut utf8)) {
            Some(i) if !ch.is_ascii() => span.start + i..span.start + i + ch.len_utf8(),
            _ => span,
        };
        self.diagnostics.push(Diagnostic::new(
            Finding::ControlCharacter {
                ch,
                more: count - 1,
            },
            self.loc(at),
        ));
    }

    fn string(&mut self, key: &str, value: &Value) -> Option<Spanned<String>> {
        match value.get_ref() {
            DeValue::String(s) => {
                self.hidden_characters(s, value);
                Some(Spanned {
                    value: s.to_string(),
                    loc: self.loc(value.span()),
                })
            }
            _ => {
                self.wrong_type(key, value, "text");
                None
            }
        }
    }

    fn strings(&mut self, key: &str, value: &Value) -> Option<Spanned<Vec<Spanned<String>>>> {
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, "an array of text");
            return None;
        };
        let mut strings = Vec::with_capacity(items.len());
        strings.extend(items.iter().filter_map(|item| self.string(key, item)));
        let items = strings;
        Some(Spanned {
            value: items,
            loc: self.loc(value.span()),
        })
    }

    fn string_or_strings(
        &mut self,
        key: &str,
        value: &Value,
    ) -> Option<Spanned<Vec<Spanned<String>>>> {
        match value.get_ref() {
            DeValue::String(_) => self.string(key, value).map(|s| Spanned {
                loc: s.loc,
                value: vec![s],
            }),
            DeValue::Array(_) => self.strings(key, value),
            _ => {
                self.wrong_type(key, value, "text or an array of text");
                None
            }
        }
    }

    fn integer(&mut self, key: &str, value: &Value) -> Option<Spanned<i64>> {
        let DeValue::Integer(i) = value.get_ref() else {
            self.wrong_type(key, value, "a whole number");
            return None;
        };
        match i64::from_str_radix(&i.as_str().replace('_', ""), i.radix()) {
            Ok(n) => Some(Spanned {
                value: n,
                loc: self.loc(value.span()),
            }),
            // A whole number, but past what 64 bits hold.
            Err(_) => {
                self.diagnostics.push(Diagnostic::new(
                    Finding::NumberTooLarge {
                        key: key.to_string(),
                        text: match i.radix() {
                            16 => format!("0x{}", i.as_str()),
                            8 => format!("0o{}", i.as_str()),
                            2 => format!("0b{}", i.as_str()),
                            _ => i.as_str().to_string(),
                        },
                    },
                    self.loc(value.span()),
                ));
                None
            }
        }
    }

    fn number_id(&mut self, key: &str, value: &Value) -> Option<Spanned<u32>> {
        let n = self.integer(key, value)?;
        match u32::try_from(n.value) {
            Ok(id) if id > 0 => Some(Spanned {
                value: id,
                loc: n.loc,
            }),
            _ => {
                self.diagnostics.push(Diagnostic::new(
                    Finding::NotANumberId {
                        key: key.to_string(),
                        value: n.value,
                    },
                    n.loc,
                ));
                None
            }
        }
    }

    fn number(&mut self, key: &str, value: &Value) -> Option<Spanned<f64>> {
        // A measure's value is any number: a whole number past 64 bits is
        // read as a decimal, not refused.
        let parsed = match value.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => {
                i.as_str().replace('_', "").parse::<f64>().ok()
            }
            // 0x.., 0o.., 0b..: `integer` reports one that is too large.
            DeValue::Integer(_) => {
                return self.integer(key, value).map(|n| Spanned {
                    value: n.value as f64,
                    loc: n.loc,
                });
            }
            DeValue::Float(f) => f.as_str().replace('_', "").parse::<f64>().ok(),
            _ => None,
        };
        match parsed {
            Some(n) if n.is_finite() => Some(Spanned {
                value: n,
                loc: self.loc(value.span()),
            }),
            // `inf` and `nan` are TOML decimals, but no figure of a plan.
            Some(_) => {
                self.diagnostics.push(Diagnostic::new(
                    Finding::WrongType {
                        key: key.to_string(),
                        wanted: "a finite number".to_string(),
                        found: "infinity or NaN",
                    },
                    self.loc(value.span()),
                ));
                None
            }
            None => {
                self.wrong_type(key, value, "a number");
                None
            }
        }
    }

    fn date(&mut self, key: &str, value: &Value) -> Option<Spanned<NaiveDate>> {
        match value.get_ref() {
            DeValue::Datetime(dt) => match plain_date(dt) {
                Some(date) => Some(Spanned {
                    value: date,
                    loc: self.loc(value.span()),
                }),
                None => {
                    self.wrong_type(key, value, "a date such as 2012-10-15");
                    None
                }
            },
            DeValue::String(s) => {
                self.hidden_characters(s, value);
                let loc = self.loc(value.span());
                match crate::dates::parse_day(s) {
                    Ok(date) => Some(Spanned { value: date, loc }),
                    Err(_) => {
                        self.diagnostics.push(Diagnostic::new(
                            Finding::DateAsText {
                                key: key.to_string(),
                                text: s.to_string(),
                            },
                            loc,
                        ));
                        None
                    }
                }
            }
            _ => {
                self.wrong_type(key, value, "a date such as 2012-10-15");
                None
            }
        }
    }

    fn when(&mut self, key: &str, value: &Value) -> Option<Spanned<RawWhen>> {
        let loc = self.loc(value.span());
        match value.get_ref() {
            DeValue::String(s) => {
                self.hidden_characters(s, value);
                Some(Spanned {
                    value: RawWhen::Text(s.to_string()),
                    loc,
                })
            }
            DeValue::Datetime(_) => self.date(key, value).map(|d| Spanned {
                value: RawWhen::Date(d.value),
                loc,
            }),
            _ => {
                self.wrong_type(key, value, "text such as \"Summer 2012\" or a date");
                None
            }
        }
    }
}

/// The keys a task gained for its history (read apart to keep `task` short).
/// A TOML date with no time part, as a calendar day.
fn plain_date(dt: &toml::value::Datetime) -> Option<NaiveDate> {
    if dt.time.is_some() || dt.offset.is_some() {
        return None;
    }
    let d = dt.date?;
    NaiveDate::from_ymd_opt(i32::from(d.year), u32::from(d.month), u32::from(d.day))
}

fn describe(value: &DeValue) -> &'static str {
    match value {
        DeValue::String(_) => "text",
        DeValue::Integer(_) => "a whole number",
        DeValue::Float(_) => "a decimal number",
        DeValue::Boolean(_) => "true/false",
        // Only a date-time is wrong where a date is wanted: say which part.
        DeValue::Datetime(dt) if dt.date.is_none() => "a time of day",
        DeValue::Datetime(dt) if dt.time.is_some() => "a date with a time of day",
        DeValue::Datetime(_) => "a date",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}
