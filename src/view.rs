//! How the plan's values look in a report: the one place that turns a RAG
//! status, a state or a response into the words of the report's language
//! (from the catalogue), so renderers need not know what a RAG status is.

use crate::catalogue::Catalogue;
use crate::model::{AgencyKind, Rag, Response};
use crate::query::State;
use crate::render::report::{Badge, Cell, Tone};

/// A response as a person reads it: "not accepted", "partially accepted".
pub fn response(cat: &'static Catalogue, response: Response) -> &'static str {
    match response {
        Response::Accepted => cat.msg("response-accepted"),
        Response::PartiallyAccepted => cat.msg("response-partially-accepted"),
        Response::NotAccepted => cat.msg("response-not-accepted"),
        Response::Noted => cat.msg("response-noted"),
    }
}

/// A RAG status as a word: "red", "coch"; "not rated" for none.
pub fn rag_word(cat: &'static Catalogue, rag: Option<Rag>) -> &'static str {
    match rag {
        Some(Rag::Red) => cat.msg("rag-red"),
        Some(Rag::Amber) => cat.msg("rag-amber"),
        Some(Rag::Green) => cat.msg("rag-green"),
        Some(Rag::Blue) => cat.msg("rag-blue"),
        None => cat.msg("not-rated"),
    }
}

/// A task's state as a word: "overdue", "on-hold".
pub fn state(cat: &'static Catalogue, state: State) -> &'static str {
    match state {
        State::Overdue => cat.msg("state-overdue"),
        State::Stale => cat.msg("state-stale"),
        State::Waiting => cat.msg("state-waiting"),
        State::Open => cat.msg("state-open"),
        State::Done => cat.msg("state-done"),
        State::OnHold => cat.msg("state-on-hold"),
    }
}

/// A task's state as a cell: the word in the report's language for
/// people, the same word for programs in every language.
pub fn state_cell(cat: &'static Catalogue, state: State) -> Cell {
    Cell::Word {
        shown: self::state(cat, state),
        machine: state.as_str(),
    }
}

/// A response as a cell, as [`state_cell`].
pub fn response_cell(cat: &'static Catalogue, answer: Response) -> Cell {
    let shown = match answer {
        Response::Accepted => cat.msg("response-cell-accepted"),
        Response::PartiallyAccepted => cat.msg("response-cell-partially-accepted"),
        Response::NotAccepted => cat.msg("response-cell-not-accepted"),
        Response::Noted => cat.msg("response-cell-noted"),
    };
    Cell::Word {
        shown,
        machine: answer.as_str(),
    }
}

/// A kind of agency as a cell: "organisation", "sefydliad".
pub fn kind_cell(cat: &'static Catalogue, kind: AgencyKind) -> Cell {
    let shown = match kind {
        AgencyKind::Organisation => cat.msg("kind-organisation"),
        AgencyKind::Team => cat.msg("kind-team"),
        AgencyKind::Person => cat.msg("kind-person"),
        AgencyKind::Role => cat.msg("kind-role"),
    };
    Cell::Word {
        shown,
        machine: kind.as_str(),
    }
}

/// The roll-up of some tasks: a badge, or, resting on under half of them,
/// text that says so ("green (2 of 19 rated)").
pub fn rollup(cat: &'static Catalogue, counts: &crate::query::RagCounts) -> Cell {
    match counts.rollup() {
        Some(word) if counts.thinly_rated() => Cell::text(cat.msg_with(
            "rollup-thin",
            &[
                ("rag", rag_word(cat, Some(word)).into()),
                ("rated", counts.rated().into()),
                ("total", counts.total().into()),
            ],
        )),
        rolled => rag(cat, rolled),
    }
}

/// A task rated on track (or at risk) yet past its deadline: "rated green,
/// 61 days overdue"; empty when it is not both.
pub fn rated_but_overdue(
    cat: &'static Catalogue,
    rag: Option<Rag>,
    days_overdue: Option<i64>,
) -> String {
    match (rag, days_overdue) {
        (Some(rated @ (Rag::Green | Rag::Amber)), Some(days)) => cat.msg_with(
            "rated-but-overdue",
            &[
                ("rag", rag_word(cat, Some(rated)).into()),
                ("days", days.into()),
            ],
        ),
        _ => String::new(),
    }
}

/// A RAG status (or none yet) as a badge cell.
pub fn rag(cat: &'static Catalogue, rag: Option<Rag>) -> Cell {
    Cell::Badge(Badge {
        word: rag_word(cat, rag),
        tone: rag.map(|rag| match rag {
            Rag::Red => Tone::Red,
            Rag::Amber => Tone::Amber,
            Rag::Green => Tone::Green,
            Rag::Blue => Tone::Blue,
        }),
    })
}
