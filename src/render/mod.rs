//! Output: turning findings and report rows into text. Renderers know
//! nothing of plans, only of what they are handed.

pub mod diagnostics;
pub mod report;
