//! Large structured plans: a fuzzer-chosen piece of text, repeated to up to
//! a quarter of a megabyte, written into every text of an otherwise valid
//! plan (ids, names, aliases, leads, dues, notes ...). Random bytes seldom
//! make a plan long and well-formed at once, and the slow paths (a did-you-mean
//! over two long words, a column far into a long line) need both.
#![no_main]

use libfuzzer_sys::fuzz_target;
use plan::render::diagnostics::{DiagnosticFormat, render};

/// The text as a TOML basic string.
fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if c.is_control() => out.push_str(&format!("\\u{:04X}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn plan(t: &str) -> String {
    format!(
        "[plan]\ntitle = {t}\nowner = {t}\nstart = 2012-04-01\nend = 2013-03-31\n\n\
         [[agency]]\nid = \"SWP\"\nname = \"South Wales Police\"\n\n\
         [[agency]]\nid = {t}\nname = {t}\naliases = [{t}, {t}]\npart_of = {t}\n"
    )
}

fn card(t: &str) -> String {
    format!(
        "[card]\nid = {t}\ntitle = {t}\noutcomes = [{t}]\narea = {t}\nmeasures = [{t}]\n\
         story = {t}\nchallenges = [{t}]\nmain_actions = [{t}]\n\n\
         [[priority]]\nid = 1\ntitle = {t}\n\n[[priority.action]]\nid = 1\ntitle = {t}\n\n\
         [[priority.action.task]]\nid = {t}\ntext = {t}\nlead = [{t}, \"SWP\", {t}]\ndue = {t}\n\
         resources = {t}\nrag = {t}\nnote = {t}\n\n\
         [[priority.action.task]]\nid = \"b\"\ntext = {t}\nlead = {t}\ndue = \"after EJ-1.1.{}\"\n\n\
         [[recommendation]]\nid = {t}\ntext = {t}\nresponse = {t}\nresponse_text = {t}\n\
         owner = {t}\nactions = [{t}]\n\n\
         [[measure]]\nid = {t}\ntitle = {t}\nbetter = {t}\nunit = {t}\n\
         values = [{{ period = {t}, value = 1, note = {t} }}]\n",
        &t[1..t.len() - 1]
    )
}

fuzz_target!(|data: &[u8]| {
    // The first byte says how long the text grows: up to 255 KiB.
    let Some((&kib, piece)) = data.split_first() else {
        return;
    };
    let Ok(piece) = std::str::from_utf8(piece) else {
        return;
    };
    let want = usize::from(kib) * 1024;
    let text = if piece.is_empty() || want <= piece.len() {
        piece.to_string()
    } else {
        piece.repeat(want / piece.len())
    };
    let t = quoted(&text);
    let opened = plan::open::from_bytes(vec![
        ("plan.toml".to_string(), plan(&t).into_bytes()),
        ("card.toml".to_string(), card(&t).into_bytes()),
    ]);
    for format in [
        DiagnosticFormat::Human,
        DiagnosticFormat::Short,
        DiagnosticFormat::Json,
        DiagnosticFormat::Github,
        DiagnosticFormat::Sarif,
    ] {
        let mut sink = Vec::new();
        render(
            &mut sink,
            format,
            &opened.sources,
            &opened.diagnostics,
            false,
        )
        .unwrap();
    }
});
