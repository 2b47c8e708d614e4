//! One file per subcommand; each reads like a sentence: open the plan, ask
//! a question, print the answer.

pub mod check;
