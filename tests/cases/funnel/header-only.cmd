funnel ../lead-convert/header-only.csv
