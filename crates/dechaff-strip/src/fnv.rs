//! A fast unkeyed hasher for small maps on hot paths.

use std::hash::Hasher;

/// FNV-1a, for maps on a hot path with short keys: stop words (every word of every
/// block; the keys are the project's own lists) and a page's class values (bounded in
/// number, so a page crafted to collide costs no more than the bound). A keyed hash
/// buys nothing there.
#[derive(Default)]
pub struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for b in bytes {
            h ^= u64::from(*b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}
