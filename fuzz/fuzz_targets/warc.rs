#![no_main]
//! Any bytes, read as a WARC file: records or errors, never a panic, and the reader
//! stops after a fatal error.

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let mut reader = dechaff_warc::Reader::new(data).max_record_bytes(1 << 20);
    let mut fatal = false;
    for result in reader.by_ref() {
        assert!(!fatal, "a record after a fatal error");
        match result {
            Ok(record) => {
                if let Some(Ok(http)) = record.http_response() {
                    let _ = (http.charset(), http.is_html(), http.media_type());
                }
            }
            Err(e) => {
                fatal = e.is_fatal();
                assert!(!e.to_string().is_empty());
            }
        }
    }
});
