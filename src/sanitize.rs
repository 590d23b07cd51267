//! Article text is data, not terminal commands: this turns any string into one that is safe
//! to write to a terminal, showing control characters visibly the way `less` does.

use std::borrow::Cow;

/// Replaces every character that could steer a terminal (C0 and C1 controls, DEL, ESC and
/// therefore every ANSI/OSC sequence, bidirectional overrides and isolates) with a visible
/// stand-in: `^[` for ESC, `^X` for other C0 controls, `<U+202E>` for the rest. Newlines and
/// tabs are kept when `keep_layout` is true, since wrapping code handles them itself.
pub fn visible(text: &str, keep_layout: bool) -> Cow<'_, str> {
    if !has_unsafe(text.as_bytes(), keep_layout) {
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

/// Whether any character of the UTF-8 `bytes` [`is_unsafe`], read off the bytes without
/// decoding: every line `sitrep search` prints passes here, and printable ASCII (nearly all
/// of it) takes one comparison a byte. The unsafe characters above U+007F are U+0080–U+009F
/// (`C2 80`–`C2 9F`), U+200E/F (`E2 80 8E`/`8F`), U+202A–U+202E (`E2 80 AA`–`AE`) and
/// U+2066–U+2069 (`E2 81 A6`–`A9`).
fn has_unsafe(bytes: &[u8], keep_layout: bool) -> bool {
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        i += 1;
        if (0x20..0x7F).contains(&b) {
            continue;
        }
        let unsafe_here = match b {
            b'\n' | b'\t' => !keep_layout,
            0x00..=0x1F | 0x7F => true,
            0xC2 => matches!(bytes.get(i), Some(0x80..=0x9F)),
            0xE2 => matches!(
                (bytes.get(i), bytes.get(i + 1)),
                (Some(0x80), Some(0x8E | 0x8F | 0xAA..=0xAE)) | (Some(0x81), Some(0xA6..=0xA9))
            ),
            _ => false,
        };
        if unsafe_here {
            return true;
        }
    }
    false
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
    fn the_byte_check_agrees_with_the_character_check() {
        for keep_layout in [false, true] {
            for c in (0..0x3000u32).filter_map(char::from_u32) {
                let text = format!("a{c}b");
                assert_eq!(
                    has_unsafe(text.as_bytes(), keep_layout),
                    is_unsafe(c, keep_layout),
                    "U+{:04X}",
                    c as u32
                );
            }
        }
    }

    #[test]
    fn escape_sequences_become_visible() {
        assert_eq!(visible("a\x1b[31mred", true), "a^[[31mred");
        assert_eq!(visible("x\u{202E}y", true), "x<U+202E>y");
        assert_eq!(visible("bell\x07\u{9b}", true), "bell^G<U+009B>");
        assert_eq!(visible("line\nnext", false), "line^Jnext");
        assert!(matches!(visible("plain “text”", true), Cow::Borrowed(_)));
    }
}
