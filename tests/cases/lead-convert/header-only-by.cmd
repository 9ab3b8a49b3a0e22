lead-convert --by channel --total header-only.csv
