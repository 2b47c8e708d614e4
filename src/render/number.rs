//! Numbers as a person writes them, the one formatter every renderer uses:
//! rounded to a few decimals, with no trailing zeros and no trailing point
//! (3.0 is "3", 2.999 is "3", 2.5 is "2.5", 0.25 is "0.25").

/// `value` to two decimals at most.
pub fn number(value: f64) -> String {
    decimal(value, 2)
}

/// `value` to at most `places` decimals, trailing zeros and point dropped;
/// never "-0". Not-a-number and the infinities as Rust writes them.
pub fn decimal(value: f64, places: usize) -> String {
    if !value.is_finite() {
        return value.to_string();
    }
    let mut text = format!("{value:.places$}");
    if text.contains('.') {
        let kept = text.trim_end_matches('0').trim_end_matches('.').len();
        text.truncate(kept);
    }
    if text == "-0" {
        text.remove(0);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_needless_decimals_and_no_trailing_point() {
        for (value, text) in [
            (3.0, "3"),
            (2.5, "2.5"),
            (0.25, "0.25"),
            (2.999, "3"),
            (12.999, "13"),
            (0.001, "0"),
            (-0.001, "0"),
            (-2.5, "-2.5"),
            (1.0 / 3.0, "0.33"),
            (2.75, "2.75"),
            (1e20, "100000000000000000000"),
            (f64::NAN, "NaN"),
        ] {
            assert_eq!(number(value), text, "{value}");
        }
        assert_eq!(decimal(33.333, 1), "33.3");
        assert_eq!(decimal(49.96, 1), "50");
        assert_eq!(decimal(0.4, 0), "0");
    }
}
