#![no_main]
//! Any bytes, read as TEXT: never a panic, every entity span inside the text.

use libfuzzer_sys::fuzz_target;

#[path = "common.rs"]
mod common;

fuzz_target!(|data: &[u8]| common::pipeline(data, dechaff_strip::Format::Text));
