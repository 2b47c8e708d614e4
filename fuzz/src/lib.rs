//! What the fuzz targets share.

/// libfuzzer-sys makes every panic an abort, even one `plan` catches (a
/// reader crate's panic inside `limits::catch` is "the file is damaged",
/// exit 2): those are silenced here, once. A panic `plan` does not catch
/// still unwinds out of the target, and libfuzzer-sys aborts on it.
pub fn quiet_caught_panics() {
    static ONCE: std::sync::Once = std::sync::Once::new();
    ONCE.call_once(|| std::panic::set_hook(Box::new(|_| {})));
}
