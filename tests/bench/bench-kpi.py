# pandas' side of tests/bench/bench: per channel, leads, customers (customer_at
# set), the rate, and the mean days from created_at to customer_at over the
# customers, as an analyst would write it: read_csv (the three columns the
# task uses), to_datetime, groupby.
#   python3 bench-kpi.py FILE
import sys

import pandas as pd

df = pd.read_csv(sys.argv[1], usecols=["channel", "created_at", "customer_at"])
fmt = "%Y-%m-%dT%H:%M:%SZ"
created = pd.to_datetime(df["created_at"], format=fmt)
customer = pd.to_datetime(df["customer_at"], format=fmt)
df["days"] = (customer - created).dt.total_seconds() / 86400
g = df.groupby("channel").agg(leads=("channel", "size"),
                              customers=("customer_at", "count"),
                              mean_days=("days", "mean"))
g["rate"] = g["customers"] / g["leads"]
g[["leads", "customers", "rate", "mean_days"]].to_csv(sys.stdout, float_format="%.17g")
