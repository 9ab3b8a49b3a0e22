lead-convert --stages lead,qualified,won --by channel acme.canonical.csv
