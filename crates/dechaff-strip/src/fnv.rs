//! A fast unkeyed hasher for small maps on hot paths.

use std::hash::Hasher;

/// FNV-1a, for maps on a hot path whose keys are the project's own: the stop words,
/// looked up for every word of every block. A keyed hash buys nothing there; maps keyed
/// by a page's own strings use foldhash with a random seed per map, so that no page can
/// be written to collide (no seed is known in advance), at a third of SipHash's cost.
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
