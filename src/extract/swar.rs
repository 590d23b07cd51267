//! Byte tests eight bytes at a time on a `u64` (little-endian loads of text): the scans that
//! touch every byte of every briefing skip plain stretches with a few instructions per word.
//! Each test leaves the high bit set in the bytes it finds.

/// One in every byte.
const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
/// The high bit of every byte.
const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);

/// The bytes that are not ASCII.
pub fn non_ascii(x: u64) -> u64 {
    x & HIGH
}

/// Nonzero when some byte equals `b` (an ASCII byte); which bytes it marks is only exact up
/// to the first match.
pub fn has_byte(x: u64, b: u8) -> u64 {
    let y = x ^ (ONES * u64::from(b));
    y.wrapping_sub(ONES) & !y & HIGH
}

/// The bytes from `A` to `Z`.
pub fn upper(x: u64) -> u64 {
    // On the low seven bits no addition carries into the next byte.
    let low = x & !HIGH;
    let at_least_a = low + ONES * u64::from(0x80 - b'A');
    let above_z = low + ONES * u64::from(0x7f - b'Z');
    at_least_a & !above_z & !x & HIGH
}

/// The eight bytes with `A` to `Z` lowercased.
pub fn to_lower(x: u64) -> u64 {
    x | (upper(x) >> 2)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tests_agree_with_byte_by_byte_ones() {
        let text = "Az@[`{Zé\u{7f}\u{80}aQ.xyz";
        let bytes = text.as_bytes();
        for at in 0..=bytes.len() - 8 {
            let x = u64::from_le_bytes(bytes[at..at + 8].try_into().unwrap());
            let window = &bytes[at..at + 8];
            for (k, &b) in window.iter().enumerate() {
                let bit = |m: u64| m >> (8 * k + 7) & 1 == 1;
                assert_eq!(bit(upper(x)), b.is_ascii_uppercase(), "{b:#x}");
                assert_eq!(bit(non_ascii(x)), !b.is_ascii(), "{b:#x}");
                assert_eq!((to_lower(x) >> (8 * k)) as u8, b.to_ascii_lowercase());
            }
            assert_eq!(has_byte(x, b'.') != 0, window.contains(&b'.'));
        }
    }
}
