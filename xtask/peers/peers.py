"""Times a peer extractor over a directory of pages, whole process, one thread.

Run by `cargo xtask bench --peers` inside the virtualenv it creates; not a library.
Usage: peers.py TOOL DIR [--write OUT]   (TOOL: resiliparse | trafilatura)
Prints one line: `pages seconds` for the extraction loop (reading and gunzip included,
interpreter start-up and imports excluded, as for a long-running batch). With --write,
each page's body goes to OUT/<page id>.txt, one paragraph per line, for
`cargo xtask eval --predicted OUT` (writing is then part of the timed loop).
"""

import gzip
import os
import sys
import time


def pages(root):
    names = []
    for base, _, files in os.walk(root):
        for f in files:
            if f.endswith((".html", ".htm", ".html.gz")):
                names.append(os.path.join(base, f))
    names.sort()
    return names


def read(path):
    with open(path, "rb") as fh:
        data = fh.read()
    if data[:2] == b"\x1f\x8b":
        data = gzip.decompress(data)
    return data


def main():
    tool, root = sys.argv[1], sys.argv[2]
    out = sys.argv[4] if len(sys.argv) > 4 and sys.argv[3] == "--write" else None
    if out:
        os.makedirs(out, exist_ok=True)
    if tool == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding

        def run(data):
            html = bytes_to_str(data, detect_encoding(data))
            return extract_plain_text(html, main_content=True)

    elif tool == "trafilatura":
        import trafilatura

        def run(data):
            return trafilatura.extract(data) or ""

    else:
        sys.exit(f"unknown tool {tool}")
    files = pages(root)
    started = time.perf_counter()
    for path in files:
        try:
            body = run(read(path))
        except Exception:  # a peer's failure on one page is not a failure of the run
            body = ""
        if out:
            page_id = os.path.basename(path).split(".")[0]
            with open(os.path.join(out, page_id + ".txt"), "w", encoding="utf-8") as fh:
                fh.write(body)
    print(len(files), time.perf_counter() - started)


if __name__ == "__main__":
    main()
