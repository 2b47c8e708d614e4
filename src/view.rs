//! How the plan's values look in a report: the one place that turns a RAG
//! status into a badge, so renderers need not know what a RAG status is.

use crate::model::Rag;
use crate::render::report::{Badge, Cell, Tone};

/// A response as a person reads it: "not accepted", "partially accepted".
pub fn response(response: crate::model::Response) -> String {
    response.as_str().replace('-', " ")
}

/// The roll-up of some tasks: a badge, or, resting on under half of them,
/// text that says so ("green (2 of 19 rated)").
pub fn rollup(counts: &crate::query::RagCounts) -> Cell {
    match counts.rollup() {
        Some(word) if counts.thinly_rated() => Cell::text(format!(
            "{} ({} of {} rated)",
            word.as_str(),
            counts.rated(),
            counts.total()
        )),
        rolled => rag(rolled),
    }
}

/// A task rated on track (or at risk) yet past its deadline: "rated green,
/// 61 days overdue"; empty when it is not both.
pub fn rated_but_overdue(rag: Option<Rag>, days_overdue: Option<i64>) -> String {
    match (rag, days_overdue) {
        (Some(rag @ (Rag::Green | Rag::Amber)), Some(days)) => format!(
            "rated {}, {} overdue",
            rag.as_str(),
            crate::words::count(days, "day")
        ),
        _ => String::new(),
    }
}

/// A RAG status (or none yet) as a badge cell.
pub fn rag(rag: Option<Rag>) -> Cell {
    Cell::Badge(rag.map(|rag| Badge {
        word: rag.as_str(),
        tone: match rag {
            Rag::Red => Tone::Red,
            Rag::Amber => Tone::Amber,
            Rag::Green => Tone::Green,
            Rag::Blue => Tone::Blue,
        },
    }))
}
