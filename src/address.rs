//! E-mail addresses as a plan writes them (`email`, `plan requests --from`):
//! a bare address, `name@example.org`, or a name and an address,
//! `Safer Wales <info@example.org>`. Anything else is no address: `plan
//! check` says so (`bad-email`), and no header is built from it.

/// An address read: the name written with it, if any, and the address.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Address {
    pub name: Option<String>,
    pub addr: String,
}

/// `addr` or `Name <addr>`; `None` for anything else.
pub fn parse(text: &str) -> Option<Address> {
    let text = text.trim();
    let (name, addr) = match text.strip_suffix('>').and_then(|t| t.rsplit_once('<')) {
        Some((name, addr)) => {
            let name = name.trim().trim_matches('"').trim();
            let plain = !name.chars().any(|c| c.is_control() || "<>\"".contains(c));
            if !plain {
                return None;
            }
            ((!name.is_empty()).then(|| name.to_string()), addr.trim())
        }
        None => (None, text),
    };
    is_addr(addr).then(|| Address {
        name,
        addr: addr.to_string(),
    })
}

/// One `@`, something before it, a domain with a dot after it, and none of
/// the characters that end an address in a header.
fn is_addr(addr: &str) -> bool {
    let Some((local, domain)) = addr.split_once('@') else {
        return false;
    };
    let fine = |part: &str| {
        !part.is_empty()
            && !part
                .chars()
                .any(|c| c.is_whitespace() || c.is_control() || "<>()[],;:\"\\@".contains(c))
    };
    fine(local)
        && fine(domain)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn addresses_with_and_without_a_name() {
        let bare = parse(" info@saferwales.example ").unwrap();
        assert_eq!(bare.name, None);
        assert_eq!(bare.addr, "info@saferwales.example");
        let named = parse("Safer Wales <info@saferwales.example>").unwrap();
        assert_eq!(named.name.as_deref(), Some("Safer Wales"));
        assert_eq!(named.addr, "info@saferwales.example");
        let quoted = parse("\"Forum, Cardiff\" <forum@cardiff.example>").unwrap();
        assert_eq!(quoted.name.as_deref(), Some("Forum, Cardiff"));
        assert_eq!(parse("<forum@cardiff.example>").unwrap().name, None);
        for bad in [
            "",
            "info",
            "info@",
            "@example.org",
            "info@localhost",
            "Safer Wales info@example.org",
            "Safer Wales <info@example.org",
            "a@b@example.org",
            "Safer <Wales> <info@example.org>",
            "info@example.org, ppu@example.org",
            // More recipients than the address it names (issue 23).
            "a@b.example>, c@d.example",
            "a@b.example>,c@d.example",
            "<a@b.example>, <c@d.example>",
            "A <a@b.example>, C <c@d.example>",
            "A <a@b.example> <c@d.example>",
            "A <a@b.example>\r\nBcc: c@d.example",
            "A\r\nBcc: c@d.example <a@b.example>",
            "a@b.example\nBcc: c@d.example",
            "a@b.example; c@d.example",
        ] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }
}
