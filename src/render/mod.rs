//! Output: turning findings and report rows into text. Renderers know
//! nothing of plans, only of what they are handed; every piece of text
//! they are handed goes out through `escape`, every number through `number`.

pub mod chart;
pub mod diagnostics;
pub mod document;
pub mod docx;
pub mod escape;
pub mod ics;
pub mod number;
pub mod page;
pub mod report;
pub mod style;
pub mod terminal;
pub mod widths;
pub mod wrap;
