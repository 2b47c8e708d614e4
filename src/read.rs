//! TOML text to [`RawFile`]: parses a file with `toml`'s spanned document
//! parser and walks its tables by hand, so that *every* unknown key, missing
//! key and wrong type in a file is reported in one pass, each at its own
//! line (serde's derive stops at the first).

use crate::diag::{Diagnostic, Finding};
use crate::raw::*;
use crate::source::{FileId, Loc};
use chrono::NaiveDate;
use toml::de::{DeTable, DeValue};

type Value<'i> = toml::Spanned<DeValue<'i>>;

/// Parses one file's text. A syntax error yields one `toml-syntax` finding
/// and nothing else from that file.
pub fn read_file(file: FileId, text: &str, diagnostics: &mut Vec<Diagnostic>) -> RawFile {
    let document = match DeTable::parse(text) {
        Ok(document) => document,
        Err(err) => {
            let span = err.span().unwrap_or(0..0);
            let message = err.message().trim().to_string();
            diagnostics.push(Diagnostic::new(
                Finding::TomlSyntax { message },
                Loc::new(file, span),
            ));
            return RawFile::default();
        }
    };
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

struct Reader<'d> {
    file: FileId,
    text: &'d str,
    diagnostics: &'d mut Vec<Diagnostic>,
}

/// One TOML table being read, and where its header is.
struct Table<'t, 'i> {
    table: &'t DeTable<'i>,
    loc: Loc,
    /// How a person names this table: `[[priority.action.task]]`.
    what: &'static str,
}

impl<'t, 'i> Table<'t, 'i> {
    fn get(&self, key: &str) -> Option<&'t Value<'i>> {
        self.table.get(key)
    }
}

// Each list is in the canonical order: `plan fmt` sorts keys by it and
// `plan schema` offers them in it.
pub const FILE_KEYS: &[&str] = &[
    "plan",
    "agency",
    "card",
    "priority",
    "recommendation",
    "measure",
];
pub const PLAN_KEYS: &[&str] = &[
    "title",
    "owner",
    "start",
    "end",
    "asap_days",
    "year_start",
    "review_days",
];
pub const AGENCY_KEYS: &[&str] = &["id", "name", "kind", "aliases", "part_of"];
pub const CARD_KEYS: &[&str] = &[
    "id",
    "title",
    "outcomes",
    "area",
    "measures",
    "main_actions",
    "story",
    "challenges",
];
pub const PRIORITY_KEYS: &[&str] = &["id", "title", "action"];
pub const ACTION_KEYS: &[&str] = &["id", "title", "task"];
pub const TASK_KEYS: &[&str] = &[
    "id",
    "text",
    "lead",
    "due",
    "resources",
    "rag",
    "done",
    "updated",
    "note",
];
pub const RECOMMENDATION_KEYS: &[&str] = &[
    "id",
    "text",
    "response",
    "response_text",
    "owner",
    "actions",
];
pub const MEASURE_KEYS: &[&str] = &["id", "title", "better", "unit", "values", "target"];
pub const MEASURE_VALUE_KEYS: &[&str] = &["period", "value", "note"];

impl Reader<'_> {
    fn loc(&self, span: std::ops::Range<usize>) -> Loc {
        Loc::new(self.file, span)
    }

    fn file_tables(&mut self, root: &DeTable<'_>) -> RawFile {
        let top = Table {
            table: root,
            loc: self.loc(0..0),
            what: "the file",
        };
        self.check_keys(&top, FILE_KEYS);
        let mut raw = RawFile::default();
        if let Some(t) = self.table(&top, "plan") {
            raw.plan = self.plan(&t);
        }
        for t in self.tables(&top, "agency", "[[agency]]") {
            raw.agencies.extend(self.agency(&t));
        }
        if let Some(t) = self.table(&top, "card") {
            raw.card = self.card(&t);
        }
        let priorities = self.tables(&top, "priority", "[[priority]]");
        raw.priorities = self.each(&priorities, Self::priority);
        for t in self.tables(&top, "recommendation", "[[recommendation]]") {
            raw.recommendations.extend(self.recommendation(&t));
        }
        for t in self.tables(&top, "measure", "[[measure]]") {
            raw.measures.extend(self.measure(&t));
        }
        raw
    }

    fn plan(&mut self, t: &Table) -> Option<RawPlan> {
        self.check_keys(t, PLAN_KEYS);
        let title = self.required(t, "title", Self::string);
        let owner = self.optional(t, "owner", Self::string);
        let start = self.required(t, "start", Self::date);
        let end = self.required(t, "end", Self::date);
        let asap_days = self.optional(t, "asap_days", Self::integer);
        let year_start = self.optional(t, "year_start", Self::integer);
        let review_days = self.optional(t, "review_days", Self::integer);
        Some(RawPlan {
            loc: t.loc,
            title: title?,
            owner,
            start: start?,
            end: end?,
            asap_days,
            year_start,
            review_days,
        })
    }

    fn agency(&mut self, t: &Table) -> Option<RawAgency> {
        self.check_keys(t, AGENCY_KEYS);
        let id = self.required(t, "id", Self::string);
        let name = self.required(t, "name", Self::string);
        let kind = self.optional(t, "kind", Self::string);
        let aliases = self.optional(t, "aliases", Self::strings);
        let part_of = self.optional(t, "part_of", Self::string);
        Some(RawAgency {
            loc: t.loc,
            id: id?,
            name: name?,
            kind,
            aliases: aliases.map(|a| a.value).unwrap_or_default(),
            part_of,
        })
    }

    fn card(&mut self, t: &Table) -> Option<RawCard> {
        self.check_keys(t, CARD_KEYS);
        let id = self.required(t, "id", Self::string);
        let title = self.required(t, "title", Self::string);
        let list = |r: &mut Self, key| {
            r.optional(t, key, Self::strings)
                .map(|a| a.value)
                .unwrap_or_default()
        };
        let outcomes = list(self, "outcomes");
        let measures = list(self, "measures");
        let challenges = list(self, "challenges");
        let main_actions = list(self, "main_actions");
        let area = self.optional(t, "area", Self::string);
        let story = self.optional(t, "story", Self::string);
        Some(RawCard {
            loc: t.loc,
            id: id?,
            title: title?,
            outcomes,
            area,
            measures,
            story,
            challenges,
            main_actions,
        })
    }

    fn priority(&mut self, t: &Table) -> Option<RawPriority> {
        self.check_keys(t, PRIORITY_KEYS);
        let id = self.required(t, "id", Self::number_id);
        let title = self.required(t, "title", Self::string);
        let tables = self.tables(t, "action", "[[priority.action]]");
        let actions = self.each(&tables, Self::action);
        Some(RawPriority {
            loc: t.loc,
            id: id?,
            title: title?,
            actions,
        })
    }

    fn action(&mut self, t: &Table) -> Option<RawAction> {
        self.check_keys(t, ACTION_KEYS);
        let id = self.required(t, "id", Self::number_id);
        let title = self.required(t, "title", Self::string);
        let tables = self.tables(t, "task", "[[priority.action.task]]");
        let tasks = self.each(&tables, Self::task);
        Some(RawAction {
            loc: t.loc,
            id: id?,
            title: title?,
            tasks,
        })
    }

    fn task(&mut self, t: &Table) -> Option<RawTask> {
        self.check_keys(t, TASK_KEYS);
        let id = self.required(t, "id", Self::string);
        let text = self.required(t, "text", Self::string);
        let lead = self.optional(t, "lead", Self::string_or_strings);
        let due = self.optional(t, "due", Self::when);
        let resources = self.optional(t, "resources", Self::string);
        let rag = self.optional(t, "rag", Self::string);
        let done = self.optional(t, "done", Self::date);
        let updated = self.optional(t, "updated", Self::date);
        let note = self.optional(t, "note", Self::string);
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
        })
    }

    fn recommendation(&mut self, t: &Table) -> Option<RawRecommendation> {
        self.check_keys(t, RECOMMENDATION_KEYS);
        let id = self.required(t, "id", Self::string);
        let text = self.required(t, "text", Self::string);
        let response = self.required(t, "response", Self::string);
        let response_text = self.optional(t, "response_text", Self::string);
        let owner = self.optional(t, "owner", Self::string);
        let actions = self.optional(t, "actions", Self::strings);
        Some(RawRecommendation {
            loc: t.loc,
            id: id?,
            text: text?,
            response: response?,
            response_text,
            owner,
            actions: actions.map(|a| a.value).unwrap_or_default(),
        })
    }

    fn measure(&mut self, t: &Table) -> Option<RawMeasure> {
        self.check_keys(t, MEASURE_KEYS);
        let id = self.required(t, "id", Self::string);
        let title = self.required(t, "title", Self::string);
        let better = self.optional(t, "better", Self::string);
        let unit = self.optional(t, "unit", Self::string);
        let values = self
            .tables(t, "values", "a measure's `values` entry")
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
        })
    }

    fn measure_value(&mut self, t: &Table) -> Option<RawMeasureValue> {
        self.check_keys(t, MEASURE_VALUE_KEYS);
        let period = self.required(t, "period", Self::when);
        let value = self.required(t, "value", Self::number);
        let note = self.optional(t, "note", Self::string);
        Some(RawMeasureValue {
            loc: t.loc,
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

    fn check_keys(&mut self, t: &Table, allowed: &'static [&'static str]) {
        for key in t.table.keys() {
            let name = key.get_ref().as_ref();
            if allowed.contains(&name) {
                continue;
            }
            self.diagnostics.push(Diagnostic::new(
                Finding::UnknownKey {
                    key: name.to_string(),
                    table: t.what,
                    allowed,
                },
                self.loc(key.span()),
            ));
        }
    }

    fn optional<T>(
        &mut self,
        t: &Table,
        key: &str,
        read: fn(&mut Self, &str, &Value) -> Option<T>,
    ) -> Option<T> {
        t.get(key).and_then(|v| read(self, key, v))
    }

    fn required<T>(
        &mut self,
        t: &Table,
        key: &str,
        read: fn(&mut Self, &str, &Value) -> Option<T>,
    ) -> Option<T> {
        match t.get(key) {
            Some(v) => read(self, key, v),
            None => {
                self.diagnostics.push(Diagnostic::new(
                    Finding::MissingKey {
                        key: key.to_string(),
                        table: t.what,
                    },
                    t.loc,
                ));
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

    /// A single table such as `[plan]`.
    fn table<'t, 'i>(&mut self, t: &Table<'t, 'i>, key: &str) -> Option<Table<'t, 'i>> {
        let value = t.get(key)?;
        match value.get_ref() {
            DeValue::Table(table) => Some(Table {
                table,
                loc: self.header_loc(value),
                what: table_name(key),
            }),
            _ => {
                self.wrong_type(key, value, &format!("a table (`[{key}]`)"));
                None
            }
        }
    }

    /// An array of tables such as `[[agency]]`.
    fn tables<'t, 'i>(
        &mut self,
        t: &Table<'t, 'i>,
        key: &str,
        what: &'static str,
    ) -> Vec<Table<'t, 'i>> {
        let Some(value) = t.get(key) else {
            return Vec::new();
        };
        let DeValue::Array(items) = value.get_ref() else {
            self.wrong_type(key, value, &format!("an array of tables (`{what}`)"));
            return Vec::new();
        };
        let mut tables = Vec::with_capacity(items.len());
        for item in items.iter() {
            match item.get_ref() {
                DeValue::Table(table) => tables.push(Table {
                    table,
                    loc: self.header_loc(item),
                    what,
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
            _ => {
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
                match NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d") {
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
        DeValue::Datetime(_) => "a date or time",
        DeValue::Array(_) => "an array",
        DeValue::Table(_) => "a table",
    }
}

fn table_name(key: &str) -> &'static str {
    match key {
        "plan" => "[plan]",
        "card" => "[card]",
        "target" => "a measure's `target`",
        _ => "a table",
    }
}
