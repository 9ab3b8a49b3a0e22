#!/usr/bin/env python3
"""An independent implementation of lib/rng.c's integer generators, from
the published algorithms (splitmix64: Steele, Lea and Flood 2014;
xoshiro256**: Blackman and Vigna 2021), in Python's unbounded integers
masked to 64 bits, to check the C against: prints the values
tests/unit/test_rng.c expects."""

M = (1 << 64) - 1


def splitmix64(state):
    state = (state + 0x9E3779B97F4A7C15) & M
    z = state
    z = ((z ^ (z >> 30)) * 0xBF58476D1CE4E5B9) & M
    z = ((z ^ (z >> 27)) * 0x94D049BB133111EB) & M
    return state, z ^ (z >> 31)


def rotl(x, k):
    return ((x << k) | (x >> (64 - k))) & M


def xoshiro(s):
    result = (rotl((s[1] * 5) & M, 7) * 9) & M
    t = (s[1] << 17) & M
    s[2] ^= s[0]
    s[3] ^= s[1]
    s[1] ^= s[2]
    s[0] ^= s[3]
    s[2] ^= t
    s[3] = rotl(s[3], 45)
    return result


def seeded(seed, stream):
    """rng_seed(): splitmix64 from seed once, xor stream, four more."""
    _, start = splitmix64(seed)
    start ^= stream
    s = []
    for _ in range(4):
        start, z = splitmix64(start)
        s.append(z)
    return s


st = 0
out = []
for _ in range(3):
    st, z = splitmix64(st)
    out.append(z)
print("splitmix64(0):", " ".join("0x%016x" % z for z in out))
s = [1, 2, 3, 4]
print("xoshiro256** {1,2,3,4}:", " ".join("%d" % xoshiro(s) for _ in range(4)))
for seed, stream in ((1, 0), (1, 7), (12345, 2)):
    s = seeded(seed, stream)
    print("seed %d stream %d:" % (seed, stream),
          " ".join("0x%016x" % xoshiro(s) for _ in range(3)))
