funnel --by channel ../lead-convert/header-only.csv
