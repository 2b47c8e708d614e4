//! A number cell written as the sheet shows it: its number format applied
//! (`"£"#,##0` makes 90000 `£90,000`, `0.00%` makes 0.125 `12.50%`), so a
//! resources cell keeps its currency and separators. Only the common forms:
//! literal text around one number, a thousands separator, decimals and
//! percent; anything else (a fraction, scientific, conditions) is `None`
//! and the number is written plain.

/// `value` as the format `code` shows it, or `None` for the General format
/// and forms not read here.
pub fn as_written(value: f64, code: &str) -> Option<String> {
    if !value.is_finite() {
        return None;
    }
    let (positive, negative) = sections(code);
    // A format for negative numbers writes its own sign (or brackets).
    let (section, sign) = match negative {
        Some(n) if value < 0.0 => (n, ""),
        _ if value < 0.0 => (positive, "-"),
        _ => (positive, ""),
    };
    let parts = parse(section)?;
    let shown = if parts.percent { value * 100.0 } else { value };
    let number = digits(shown.abs(), parts.decimals, parts.thousands);
    Some(format!("{sign}{}{number}{}", parts.before, parts.after))
}

/// The part of a format for positive numbers and the one for negative
/// numbers, if it has one (split at unquoted `;`).
fn sections(code: &str) -> (&str, Option<&str>) {
    let mut quoted = false;
    let mut escaped = false;
    for (at, c) in code.char_indices() {
        match c {
            _ if escaped => escaped = false,
            '\\' => escaped = true,
            '"' => quoted = !quoted,
            ';' if !quoted => {
                let rest = &code[at + 1..];
                let negative = rest.split(';').next().filter(|n| !n.is_empty());
                return (&code[..at], negative);
            }
            _ => {}
        }
    }
    (code, None)
}

#[derive(Default)]
struct Parts {
    before: String,
    after: String,
    decimals: usize,
    thousands: bool,
    percent: bool,
}

/// The literal text around the number and how the number is shown.
fn parse(section: &str) -> Option<Parts> {
    let mut parts = Parts::default();
    let (mut seen_digit, mut in_decimals) = (false, false);
    let mut chars = section.chars().peekable();
    let literal = |parts: &mut Parts, seen: bool, text: &str| {
        if seen {
            parts.after.push_str(text);
        } else {
            parts.before.push_str(text);
        }
    };
    while let Some(c) = chars.next() {
        match c {
            '0' | '#' | '?' => {
                seen_digit = true;
                if in_decimals {
                    parts.decimals += 1;
                }
            }
            ',' if seen_digit && !in_decimals => parts.thousands = true,
            '.' if !in_decimals => in_decimals = true,
            '%' => {
                parts.percent = true;
                literal(&mut parts, seen_digit, "%");
            }
            '"' => {
                let text: String = chars.by_ref().take_while(|c| *c != '"').collect();
                literal(&mut parts, seen_digit, &text);
            }
            '\\' => {
                let next = chars.next()?;
                literal(&mut parts, seen_digit, &next.to_string());
            }
            // Padding and fill: no text of their own.
            '_' | '*' => {
                chars.next();
            }
            '[' => {
                let inner: String = chars.by_ref().take_while(|c| *c != ']').collect();
                // `[$£-809]`: a currency and its locale; `[Red]`: a colour.
                if let Some(currency) = inner.strip_prefix('$') {
                    let symbol = currency.split('-').next().unwrap_or("");
                    literal(&mut parts, seen_digit, symbol);
                } else if inner.starts_with(['<', '>', '=']) {
                    return None;
                }
            }
            'E' | 'e' | '/' | '@' => return None,
            c if c.is_alphabetic() => return None,
            c => literal(&mut parts, seen_digit, &c.to_string()),
        }
    }
    seen_digit.then_some(parts)
}

/// `value` rounded to `decimals` places, with `,` between thousands.
fn digits(value: f64, decimals: usize, thousands: bool) -> String {
    let text = format!("{value:.decimals$}");
    let (whole, fraction) = match text.split_once('.') {
        Some((w, f)) => (w.to_string(), Some(f.to_string())),
        None => (text, None),
    };
    let whole = if thousands {
        let mut grouped = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                grouped.push(',');
            }
            grouped.push(c);
        }
        grouped
    } else {
        whole
    };
    match fraction {
        Some(f) => format!("{whole}.{f}"),
        None => whole,
    }
}

#[cfg(test)]
mod tests {
    use super::as_written;

    #[test]
    fn currency_separators_decimals_and_percent() {
        let cases = [
            (90000.0, "\"£\"#,##0", Some("£90,000")),
            (1250.5, "£#,##0.00", Some("£1,250.50")),
            (
                90000.0,
                "[$£-809]#,##0;[Red]\\-[$£-809]#,##0",
                Some("£90,000"),
            ),
            (-5.0, "[$£-809]#,##0;[Red]\\-[$£-809]#,##0", Some("-£5")),
            (-5.0, "#,##0", Some("-5")),
            (1234567.0, "#,##0", Some("1,234,567")),
            (0.125, "0.00%", Some("12.50%")),
            (12.0, "0\" days\"", Some("12 days")),
            (5.0, "#,##0_);(#,##0)", Some("5")),
            (-5.0, "#,##0_);(#,##0)", Some("(5)")),
            (5.0, "General", None),
            (5.0, "", None),
            (5.0, "0.00E+00", None),
            (0.5, "# ?/?", None),
            (f64::NAN, "0", None),
        ];
        for (value, code, want) in cases {
            assert_eq!(as_written(value, code).as_deref(), want, "{value} {code}");
        }
    }
}
