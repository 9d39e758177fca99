#!/usr/bin/env bash
# Seeds each fuzz target's corpus from the repository and runs the targets side by
# side for SECONDS each (default 1800), at low priority. Needs a nightly toolchain and
# cargo-fuzz (`cargo install cargo-fuzz`). Findings land in fuzz/artifacts/<target>/.
#   fuzz/run.sh [SECONDS] [TARGET...]
set -euo pipefail
cd "$(dirname "$0")"
secs=${1:-1800}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(html text warc annotations)

mkdir -p corpus/html corpus/text corpus/warc corpus/annotations logs
cp ../corpus/*.html corpus/html/ 2>/dev/null || true
cp ../corpus/*.txt corpus/text/ 2>/dev/null || true
cp ../annotations/*.json corpus/annotations/ 2>/dev/null || true
# Two small WARC files: a response with a page, and a record cut short.
page=$(head -c 3000 ../corpus/wire-01.html)
http=$'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n'"$page"
printf 'WARC/1.0\r\nWARC-Type: response\r\nWARC-Record-ID: <urn:uuid:1>\r\nWARC-Target-URI: http://example.com/\r\nContent-Type: application/http; msgtype=response\r\nContent-Length: %d\r\n\r\n%s\r\n\r\n' \
  "$(printf '%s' "$http" | wc -c)" "$http" > corpus/warc/response.warc
head -c 1500 corpus/warc/response.warc > corpus/warc/cut.warc
printf 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Encoding: gzip\r\n\r\n4\r\nabcd\r\n0\r\n\r\n' > corpus/warc/chunked.http

cargo +nightly fuzz build -O "${targets[@]/#/}" >/dev/null 2>&1 || cargo +nightly fuzz build -O
for t in "${targets[@]}"; do
  max_len=65536
  [ "$t" = annotations ] && max_len=16384
  nice -n 19 cargo +nightly fuzz run -O "$t" -- \
    -max_total_time="$secs" -max_len="$max_len" -timeout=10 -rss_limit_mb=4096 \
    -print_final_stats=1 >"logs/$t.log" 2>&1 &
done
wait
for t in "${targets[@]}"; do
  echo "== $t"
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb|Done [0-9]+ runs|ERROR|SUMMARY' "logs/$t.log" | tail -5
done
