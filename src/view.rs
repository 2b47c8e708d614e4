//! How the plan's values look in a report: the one place that turns a RAG
//! status into a badge, so renderers need not know what a RAG status is.

use crate::model::Rag;
use crate::render::report::{Badge, Cell, Tone};

/// A response as a person reads it: "not accepted", "partially accepted".
pub fn response(response: crate::model::Response) -> String {
    response.as_str().replace('-', " ")
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
