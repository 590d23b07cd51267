//! Article text is data, not terminal commands: this turns any string into one that is safe
//! to write to a terminal, showing control characters visibly the way `less` does.

use std::borrow::Cow;

/// Replaces every character that could steer a terminal (C0 and C1 controls, DEL, ESC and
/// therefore every ANSI/OSC sequence, bidirectional overrides and isolates) with a visible
/// stand-in: `^[` for ESC, `^X` for other C0 controls, `<U+202E>` for the rest. Newlines and
/// tabs are kept when `keep_layout` is true, since wrapping code handles them itself.
pub fn visible(text: &str, keep_layout: bool) -> Cow<'_, str> {
    if !text.chars().any(|c| is_unsafe(c, keep_layout)) {
        return Cow::Borrowed(text);
    }
    let mut out = String::with_capacity(text.len() + 16);
    for c in text.chars() {
        if !is_unsafe(c, keep_layout) {
            out.push(c);
        } else if (c as u32) < 0x20 {
            out.push('^');
            out.push(char::from(b'@' + c as u8));
        } else if c == '\u{7F}' {
            out.push_str("^?");
        } else {
            out.push_str(&format!("<U+{:04X}>", c as u32));
        }
    }
    Cow::Owned(out)
}

/// True for a character that must not reach a terminal raw.
pub fn is_unsafe(c: char, keep_layout: bool) -> bool {
    match c {
        '\n' | '\t' => !keep_layout,
        '\u{0}'..='\u{1F}' | '\u{7F}'..='\u{9F}' => true,
        // Bidirectional embeddings, overrides and isolates can reorder what the reader sees.
        '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{200E}' | '\u{200F}' => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(visible("a\x1b[31mred", true), "a^[[31mred");
        assert_eq!(visible("x\u{202E}y", true), "x<U+202E>y");
        assert_eq!(visible("bell\x07\u{9b}", true), "bell^G<U+009B>");
        assert_eq!(visible("line\nnext", false), "line^Jnext");
        assert!(matches!(visible("plain “text”", true), Cow::Borrowed(_)));
    }
}
