#!/usr/bin/env python3
"""An independent reading of kpikit's part format (kpikit(7), PARTS).

    part.py reseal <PART >PART

reads parts (one or more, one after the other) as CSV and writes them
again with each end row recomputed from the rows before it: the number of
rows since the part's header, the header included, and the checksum. The
checksum, as kpikit(7) and lib/part.c define it: start at the bytes
"kpikit-1" read as a big-endian number; for each field of each row, as
read (unquoted), fold in hash(field); at each row's end fold in 0x1e.
fold(s, h) = (rotl64(s, 27) xor h) * 0x9e3779b97f4a7c15 mod 2^64, and
hash is lib/util.c's hash_bytes: little-endian 8-byte words through a
multiply and xor-shift, then MurmurHash3's finaliser.

Only the end rows change: what a tool wrote, resealed, is the same bytes.
The rows are written back as Python's csv module writes them with
lineterminator "\\n" and minimal quoting, as the tools do.
"""
import csv
import sys

M = (1 << 64) - 1
K = 0x9e3779b97f4a7c15


def hash_bytes(b):
    h = K ^ ((len(b) * 0xff51afd7ed558ccd) & M)
    i = 0
    while len(b) - i >= 8:
        v = int.from_bytes(b[i:i + 8], "little")
        h = ((h ^ v) * K) & M
        h ^= h >> 29
        i += 8
    v = int.from_bytes(b[i:], "little")
    h = ((h ^ v) * K) & M
    h ^= h >> 33
    h = (h * 0xff51afd7ed558ccd) & M
    h ^= h >> 33
    h = (h * 0xc4ceb9fe1a85ec53) & M
    h ^= h >> 33
    return h


def fold(s, h):
    s = ((s << 27) | (s >> 37)) & M
    return ((s ^ h) * K) & M


START = int.from_bytes(b"kpikit-1", "big")


def reseal(rows, out):
    s, n = START, 0
    for row in rows:
        if row and row[0] == "end":
            keys = [""] * (len(row) - 3)
            out.writerow(["end"] + keys + [str(n), "%016x" % s])
            continue
        if row and row[0] == "part":
            s, n = START, 0
        for f in row:
            s = fold(s, hash_bytes(f.encode("utf-8", "surrogateescape")))
        s = fold(s, 0x1e)
        n += 1
        out.writerow(row)


def main():
    if sys.argv[1:] != ["reseal"]:
        sys.exit("usage: part.py reseal <PART >PART")
    src = open(sys.stdin.fileno(), encoding="utf-8", errors="surrogateescape",
               newline="")
    dst = open(sys.stdout.fileno(), "w", encoding="utf-8",
               errors="surrogateescape", newline="")
    reseal(csv.reader(src), csv.writer(dst, lineterminator="\n"))


main()
