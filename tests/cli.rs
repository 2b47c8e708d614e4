//! The command line as a user meets it: each case in tests/cmd is a
//! Markdown file of commands and their exact output, run in the `.in/`
//! directory beside it.

#[test]
fn cli() {
    trycmd::TestCases::new()
        .env("NO_COLOR", "1")
        .env("PLAN_AS_OF", "2012-12-01")
        .env("COLUMNS", "120")
        .case("tests/cmd/**/*.md")
        .case("README.md")
        .case("docs/*.md");
}
