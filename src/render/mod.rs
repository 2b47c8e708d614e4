//! Output: turning findings and report rows into text. Renderers know
//! nothing of plans, only of what they are handed.

pub mod chart;
pub mod diagnostics;
pub mod document;
pub mod highlight;
pub mod ics;
pub mod report;
pub mod terminal;
