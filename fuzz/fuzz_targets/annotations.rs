#![no_main]
//! Any text, read as a gold annotation file: a value or an error, never a panic, and
//! every problem the checker reports has a message.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(gold) = dechaff_schema::GoldFile::parse(json) {
        for problem in gold.problems() {
            assert!(!problem.to_string().is_empty());
        }
    }
});
