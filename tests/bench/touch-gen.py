#!/usr/bin/env python3
"""touch-gen.py N SEED [MAXLEN]: a touch log of about N touches for
attribute's benchmark (tests/bench/bench), on stdout: id,touched_at,channel,
customer_at,amount. Leads of 1 to MAXLEN (default 8) touches (geometric,
mean about 2.5; MAXLEN 3 keeps the distinct paths to at most
8 + 64 + 512 = 584, all of them met long before 1,000,000 touches, so that
memory per distinct path shows as memory that stays put)
over 8 channels of skewed popularity, an hour to a few days apart; 20%
convert, 1 to 72 hours after their last touch, the conversion and its
amount written on the lead's last row. Rows sorted by lead, as a CRM
exports them by contact."""
import random
import sys

n, seed = int(sys.argv[1]), int(sys.argv[2])
maxlen = int(sys.argv[3]) if len(sys.argv) > 3 else 8
rnd = random.Random(seed)
chans = ["paid_search", "organic_search", "paid_social", "email", "direct",
         "referral", "events", "display"]
weights = [30, 22, 16, 12, 9, 5, 4, 2]
out = sys.stdout
out.write("id,touched_at,channel,customer_at,amount\n")
base = 1735689600  # 2025-01-01
fmt = "%04d-%02d-%02dT%02d:%02d:%02dZ"
import time as _t
written = 0
lead = 0
buf = []
while written < n:
    lead += 1
    k = 1
    while k < maxlen and rnd.random() < 0.6:
        k += 1
    t = base + rnd.randrange(0, 365 * 86400)
    cs = rnd.choices(chans, weights, k=k)
    conv = rnd.random() < 0.2
    for j in range(k):
        g = _t.gmtime(t)
        s = fmt % g[:6]
        if conv and j == k - 1:
            c = _t.gmtime(t + rnd.randrange(3600, 72 * 3600))
            buf.append("L%d,%s,%s,%s,%d\n" % (lead, s, cs[j], fmt % c[:6],
                                             rnd.randrange(100, 5000)))
        else:
            buf.append("L%d,%s,%s,,\n" % (lead, s, cs[j]))
        t += rnd.randrange(3600, 4 * 86400)
    written += k
    if len(buf) > 10000:
        out.write("".join(buf))
        buf = []
out.write("".join(buf))
