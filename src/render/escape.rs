//! Text handed to a renderer, made safe for the language it is written in:
//! one function per output language, and every renderer calls these. Text
//! a person reads (terminal, Markdown) shows what it hides: control
//! characters, bidi controls and zero-width characters become `\u{1b}`
//! style escapes (`\t`, `\n`, `\r` for those three), so nothing in a plan
//! can move the cursor, clear the screen, reorder a line or hide a word.

use crate::hidden::printable_ascii;
use std::borrow::Cow;
use std::fmt::Write as _;

/// Characters a terminal obeys rather than shows (C0, DEL, C1), that
/// reorder text (bidi controls) or that cannot be seen (zero-width).
pub fn is_hidden(c: char) -> bool {
    c.is_control() || is_bidi(c) || is_zero_width(c)
}

/// Unicode's explicit direction marks, embeddings, overrides and isolates.
pub fn is_bidi(c: char) -> bool {
    matches!(c, '\u{061c}' | '\u{200e}' | '\u{200f}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
}

/// Characters with no width: zero-width space and joiners, word joiner and
/// the invisible operators, the byte-order mark, and the line and paragraph
/// separators some terminals break lines at.
pub fn is_zero_width(c: char) -> bool {
    matches!(
        c,
        '\u{180e}' | '\u{200b}'..='\u{200d}' | '\u{2028}' | '\u{2029}' | '\u{2060}'..='\u{2064}' | '\u{feff}'
    )
}

/// Whether `text` holds a hidden character that `shown` does not let pass.
fn hides(text: &str, shown: impl Fn(char) -> bool) -> bool {
    !printable_ascii(text) && text.chars().any(|c| is_hidden(c) && !shown(c))
}

/// `c` as a visible escape: `\t`, `\n`, `\r`, else `\u{1b}`.
fn push_visible(out: &mut String, c: char) {
    match c {
        '\t' => out.push_str("\\t"),
        '\n' => out.push_str("\\n"),
        '\r' => out.push_str("\\r"),
        c => {
            let _ = write!(out, "\\u{{{:x}}}", c as u32);
        }
    }
}

/// Each character of `text`, with `\r\n` given as one `\n`.
fn chars_crlf_as_lf(text: &str) -> impl Iterator<Item = char> + '_ {
    let mut chars = text.chars().peekable();
    std::iter::from_fn(move || {
        let c = chars.next()?;
        if c == '\r' && chars.peek() == Some(&'\n') {
            chars.next();
            return Some('\n');
        }
        Some(c)
    })
}

/// HTML in which each ISO date (`2012-12-31`) is kept on one line: a phone
/// would otherwise break it at a hyphen ("2012-12-/31"). For `plan`'s own
/// words, already escaped; a date is ten ASCII characters.
pub fn dates_whole(html: &str) -> Cow<'_, str> {
    let bytes = html.as_bytes();
    let is_date = |at: usize| {
        bytes.get(at..at + 10).is_some_and(|d| {
            d.iter().enumerate().all(|(i, b)| match i {
                4 | 7 => *b == b'-',
                _ => b.is_ascii_digit(),
            })
        }) && !bytes.get(at + 10).is_some_and(u8::is_ascii_digit)
            && (at == 0 || !bytes[at - 1].is_ascii_digit())
    };
    if !(0..bytes.len()).any(is_date) {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len() + 32);
    let mut at = 0;
    while at < bytes.len() {
        if is_date(at) {
            out.push_str("<span class=\"date\">");
            out.push_str(&html[at..at + 10]);
            out.push_str("</span>");
            at += 10;
        } else {
            let next = html[at..].chars().next().map_or(1, char::len_utf8);
            out.push_str(&html[at..at + next]);
            at += next;
        }
    }
    Cow::Owned(out)
}

/// Text for a terminal: line breaks kept (a table cell may have several
/// lines), a tab a blank (it would break a table's columns), everything
/// else hidden shown as an escape.
pub fn terminal(text: &str) -> Cow<'_, str> {
    if !hides(text, |c| c == '\n') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in chars_crlf_as_lf(text) {
        if c == '\t' {
            // White space in a sentence, not a hidden character: a blank.
            out.push(' ');
        } else if is_hidden(c) && c != '\n' {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Text that must stay on one line of a terminal (a heading, a finding's
/// message or file name in `path:line:col:` output): line breaks escaped too.
pub fn line(text: &str) -> Cow<'_, str> {
    if !hides(text, |_| false) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if is_hidden(c) {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// An excerpt of a file quoted under a finding: its lines kept (LF or
/// CRLF) and its tabs (the excerpt renderer widens them), everything else
/// hidden shown as in [`terminal`]. Escaping a prefix gives the prefix of
/// the escaped text, so a byte offset maps as `excerpt(&text[..at]).len()`.
pub fn excerpt(text: &str) -> Cow<'_, str> {
    if !hides(text, |c| c == '\n' || c == '\t') {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        let line_end = c == '\n' || (c == '\r' && chars.peek() == Some(&'\n'));
        if is_hidden(c) && c != '\t' && !line_end {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    Cow::Owned(out)
}

/// Terminal text of at most `max` characters, the last of them `…` where
/// it was cut, with no run of more than `word` characters without a space
/// (a table lays out such a run slowly, a character at a time).
pub fn terminal_cut(text: &str, max: usize, word: usize) -> String {
    // Most cells are short printable ASCII: nothing to escape, cut or break.
    if text.len() <= max && printable_ascii(text) && text.split(' ').all(|w| w.len() <= word) {
        return text.to_string();
    }
    let mut out = String::new();
    let mut count = 0;
    let mut run = 0;
    let mut chars = chars_crlf_as_lf(text).peekable();
    while let Some(c) = chars.next() {
        if count + 1 >= max && chars.peek().is_some() {
            out.push('…');
            return out;
        }
        let before = out.len();
        if c == '\t' {
            out.push(' ');
        } else if is_hidden(c) && c != '\n' {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
        let added = out[before..].chars().count();
        if c.is_whitespace() {
            run = 0;
        } else if run + added > word {
            out.insert(before, '\n');
            run = added;
        } else {
            run += added;
        }
        count += added;
    }
    out
}

/// Inline Markdown (GitHub's): a heading, a paragraph or a table cell.
/// Every character that could start markup (`\`, `` ` ``, `*`, `_`, `[`,
/// `]`, `|`, `~`, `!` before `[`) is backslash-escaped, block markers at
/// the start (`#`, `-`, `+`, `=`, `1.`) too; `<`, `>` and an `&` that could
/// start a reference are written as references (which every Markdown
/// renderer honours, and no HTML tag survives); leading blanks become entities (no code block); a line break is
/// `<br>`, so the text stays one line of the source (one row of a table),
/// and the blanks that start a line after it `&nbsp;` (a nested list keeps its nesting).
/// Hidden characters are shown as in a terminal.
pub fn markdown(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let body = text.trim_start_matches([' ', '\t']);
    for c in text[..text.len() - body.len()].chars() {
        out.push_str(if c == ' ' { "&#32;" } else { "&#9;" });
    }
    let digits = body.len() - body.trim_start_matches(|c: char| c.is_ascii_digit()).len();
    let mut chars = chars_crlf_as_lf(body).enumerate().peekable();
    let mut indent = false;
    while let Some((at, c)) = chars.next() {
        let next = chars.peek().map(|(_, c)| *c);
        let block_marker = (at == 0 && matches!(c, '#' | '-' | '+' | '='))
            || (at == digits && digits > 0 && matches!(c, '.' | ')'));
        indent = (indent || c == '\n') && matches!(c, '\n' | ' ');
        match c {
            '\n' => out.push_str("<br>"),
            // A nested list's indent stays (a renderer would fold the blanks).
            ' ' if indent => out.push_str("&nbsp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '\\' | '`' | '*' | '_' | '[' | ']' | '|' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '!' if next == Some('[') => out.push_str("\\!"),
            '&' if next.is_some_and(|n| n.is_ascii_alphanumeric() || n == '#') => {
                out.push_str("&amp;")
            }
            c if block_marker => {
                out.push('\\');
                out.push(c);
            }
            c if is_hidden(c) => push_visible(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// Text for a Word document, as its lines (a line break in the text is a
/// break in Word, not a blank): control characters, which XML forbids,
/// shown as escapes, and bidi controls too (a paragraph has no `<bdi>` to
/// keep an override from turning the words after it round); XML's own
/// escaping is the document writer's.
pub fn word(text: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for c in chars_crlf_as_lf(text) {
        let line = lines.last_mut().expect("one line at least");
        match c {
            '\n' => lines.push(String::new()),
            '\t' => line.push(c),
            c if c.is_control() || is_bidi(c) || matches!(c, '\u{fffe}' | '\u{ffff}') => {
                push_visible(line, c)
            }
            c => line.push(c),
        }
    }
    lines
}

/// HTML element content: `& < > " '` as references, a line break as
/// `<br>` (the blanks that start the next line as `&nbsp;`), control characters (which HTML forbids) shown as escapes. Bidi
/// and zero-width characters are kept: see [`html_isolated`].
pub fn html(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    let mut indent = false;
    for c in chars_crlf_as_lf(text) {
        indent = (indent || c == '\n') && matches!(c, '\n' | ' ');
        match c {
            '\n' => out.push_str("<br>"),
            // A nested list's indent stays (a browser would fold the blanks).
            ' ' if indent => out.push_str("&nbsp;"),
            '\t' => out.push(c),
            // An override or embedding acts even inside a `<bdi>`, on the
            // rest of its own field ("Pay invoice \u{202e}sutats neerg"
            // reads "Pay invoice green status"): shown, never obeyed.
            c if c.is_control()
                || matches!(c, '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}') =>
            {
                push_visible(&mut out, c)
            }
            c => push_html(&mut out, c),
        }
    }
    out
}

fn push_html(out: &mut String, c: char) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '"' => out.push_str("&quot;"),
        '\'' => out.push_str("&#39;"),
        c => out.push(c),
    }
}

/// [`html`] inside `<bdi>`: whatever direction the text takes, and whatever
/// bidi controls it holds, it cannot reorder the words around it.
pub fn html_isolated(text: &str) -> String {
    format!("<bdi>{}</bdi>", html(text))
}

/// Where HTML cannot isolate text (an attribute, `<title>`, SVG `<text>`):
/// escaped as [`html`], line breaks as spaces, and bidi and zero-width
/// characters shown as escapes.
pub fn html_attr(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 16);
    for c in chars_crlf_as_lf(text) {
        match c {
            '\n' => out.push(' '),
            c if is_hidden(c) => push_visible(&mut out, c),
            c => push_html(&mut out, c),
        }
    }
    out
}

/// A spreadsheet runs a cell as a formula when its first character that is
/// not blank, zero-width or a control is `=`, `+`, `-` or `@` (or their
/// full-width and small forms; LibreOffice's "trim spaces" drops the
/// blanks first), or when it starts with a tab or CR: such a cell gets a
/// leading `'` (OWASP's advice on CSV injection). Control characters other
/// than tab and line feed are shown as escapes.
pub fn csv(text: &str) -> String {
    let first = text
        .chars()
        .find(|c| !(c.is_whitespace() || c.is_control() || is_zero_width(*c) || is_bidi(*c)));
    let formula = matches!(
        first,
        Some('=' | '+' | '-' | '@' | '＝' | '＋' | '－' | '＠' | '﹦' | '﹢' | '﹣' | '﹫' | '−')
    ) || text.starts_with(['\t', '\r']);
    let mut out = String::with_capacity(text.len() + 1);
    if formula {
        out.push('\'');
    }
    for c in chars_crlf_as_lf(text) {
        if c.is_control() && c != '\n' && c != '\t' {
            push_visible(&mut out, c);
        } else {
            out.push(c);
        }
    }
    out
}

/// An iCalendar TEXT value (RFC 5545 3.3.11): `\`, `;`, `,` escaped, a line
/// break as `\n`; the other control characters, which the RFC forbids, are
/// left out (tab, which it allows, stays).
pub fn ics(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in chars_crlf_as_lf(text) {
        match c {
            '\\' => out.push_str("\\\\"),
            ';' => out.push_str("\\;"),
            ',' => out.push_str("\\,"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push(c),
            c if c.is_control() => {}
            c => out.push(c),
        }
    }
    out
}

/// The message of a GitHub workflow command: `%`, CR and LF percent-encoded
/// as the runner expects, other hidden characters shown as escapes (the
/// log would obey a terminal escape).
pub fn github_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '%' => out.push_str("%25"),
            '\r' => out.push_str("%0D"),
            '\n' => out.push_str("%0A"),
            c if is_hidden(c) => push_visible(&mut out, c),
            c => out.push(c),
        }
    }
    out
}

/// A property of a GitHub workflow command (`file=`, `title=`): as
/// [`github_data`], and `:` and `,` encoded too.
pub fn github_property(text: &str) -> String {
    github_data(text).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    const HOSTILE: &str = "a\u{1b}[2J\r\u{7}\u{202e}\u{200b}\u{b}\u{9b}b";

    #[test]
    fn word_keeps_lines_and_shows_what_xml_and_a_paragraph_cannot_hold() {
        assert_eq!(word("one\r\ntwo <&>\tthree"), ["one", "two <&>\tthree"]);
        assert_eq!(
            word(HOSTILE),
            ["a\\u{1b}[2J\\r\\u{7}\\u{202e}\u{200b}\\u{b}\\u{9b}b"]
        );
    }

    #[test]
    fn a_nested_list_keeps_its_nesting() {
        let text = "R3:\n- a. With:\n  - i. partners\n- b. Harm";
        assert_eq!(
            html(text),
            "R3:<br>- a. With:<br>&nbsp;&nbsp;- i. partners<br>- b. Harm"
        );
        assert_eq!(
            markdown(text),
            "R3:<br>- a. With:<br>&nbsp;&nbsp;- i. partners<br>- b. Harm"
        );
    }

    #[test]
    fn dates_are_kept_whole_and_nothing_else_changes() {
        assert_eq!(
            dates_whole("due 2012-12-31, 12012-12-310 – é"),
            "due <span class=\"date\">2012-12-31</span>, 12012-12-310 – é"
        );
        assert!(matches!(dates_whole("Q3 2012-13"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminals_see_every_hidden_character() {
        assert_eq!(
            terminal(HOSTILE),
            "a\\u{1b}[2J\\r\\u{7}\\u{202e}\\u{200b}\\u{b}\\u{9b}b"
        );
        assert_eq!(terminal("two\nlines\r\n"), "two\nlines\n");
        assert_eq!(line("two\nlines"), "two\\nlines");
        // A tab is white space in a sentence: a blank, in a cell too.
        assert_eq!(terminal("Leads:\tSL"), "Leads: SL");
        assert_eq!(terminal_cut("Leads:\tSL", 100, 50), "Leads: SL");
        assert!(matches!(terminal("plain é ✓"), Cow::Borrowed(_)));
    }

    #[test]
    fn terminal_cells_are_cut_and_long_words_broken() {
        let cut = terminal_cut(&"x".repeat(100), 10, 4);
        assert_eq!(cut, "xxxx\nxxxx\nx…");
        assert_eq!(cut.chars().filter(|c| *c != '\n').count(), 10);
        assert_eq!(terminal_cut("ab cd", 10, 4), "ab cd");
        assert_eq!(terminal_cut("a\u{1b}", 10, 40), "a\\u{1b}");
    }

    #[test]
    fn plain_cells_are_cut_and_broken_as_any_other() {
        // Printable ASCII takes a short way, text with an `é` the long one:
        // both cut at `max` characters and break words past `word`.
        for (text, cut) in [
            ("abcdefghij", "abcdefghij"),
            ("abcdefghijk", "abcdefghi…"),
            ("abcdefghié", "abcdefghié"),
            ("abcdefghijé", "abcdefghi…"),
        ] {
            assert_eq!(terminal_cut(text, 10, 10), cut, "{text}");
        }
        for (text, broken) in [
            ("abcd efgh", "abcd efgh"),
            ("abcd efghi", "abcd efgh\ni"),
            ("abcd efghé", "abcd efgh\né"),
        ] {
            assert_eq!(terminal_cut(text, 20, 4), broken, "{text}");
        }
    }

    #[test]
    fn markdown_has_no_live_markup() {
        assert_eq!(
            markdown("[x](http://e) ![](i) <br> `c` *b* _i_ | ~s~ a&amp; \\"),
            "\\[x\\](http://e) \\!\\[\\](i) &lt;br&gt; \\`c\\` \\*b\\* \\_i\\_ \\| \\~s\\~ a&amp;amp; \\\\"
        );
        assert_eq!(markdown("# h"), "\\# h");
        assert_eq!(markdown("2012. a"), "2012\\. a");
        assert_eq!(markdown("    code"), "&#32;&#32;&#32;&#32;code");
        assert_eq!(markdown("a\rb\nc\r\nd"), "a\\rb<br>c<br>d");
        assert_eq!(markdown("Done! (SL, NE) 3-4 = 7"), "Done! (SL, NE) 3-4 = 7");
    }

    #[test]
    fn html_escapes_and_isolates() {
        assert_eq!(
            html_isolated("<b>\u{202e}'\"&\n\u{1b}"),
            "<bdi>&lt;b&gt;\\u{202e}&#39;&quot;&amp;<br>\\u{1b}</bdi>"
        );
        // A right-to-left mark is how right-to-left text is written: kept.
        assert_eq!(html("\u{200f}א"), "\u{200f}א");
        assert_eq!(html_attr("a\u{202e}<\nb"), "a\\u{202e}&lt; b");
    }

    #[test]
    fn csv_neutralises_formulas_behind_blanks() {
        for text in [
            "=1+1",
            " =1+1",
            "\u{a0}=1+1",
            "\u{200b}=1+1",
            "\u{feff}=1+1",
            "\n=1+1",
            "＝1+1",
            "＋1",
            "－1",
            "＠SUM(A1)",
            "-1",
            "@x",
            "\tx",
            "\rx",
        ] {
            assert!(csv(text).starts_with('\''), "{text:?}");
        }
        for text in ["1+1", "a=b", " x", ""] {
            assert!(!csv(text).starts_with('\''), "{text:?}");
        }
        assert_eq!(csv("a\u{1b}\nb\r\nc"), "a\\u{1b}\nb\nc");
    }

    #[test]
    fn ics_text_has_no_control_characters() {
        assert_eq!(
            ics("a;b,c\\d\ne\r\nf\u{b}\u{c}\u{1b}\tg\r"),
            "a\\;b\\,c\\\\d\\ne\\nf\tg"
        );
    }

    #[test]
    fn github_commands_cannot_be_forged() {
        assert_eq!(
            github_data("a\n::warning file=x::y\u{1b}%"),
            "a%0A::warning file=x::y\\u{1b}%25"
        );
        assert_eq!(github_property("a:b,c\r"), "a%3Ab%2Cc%0D");
    }
}
