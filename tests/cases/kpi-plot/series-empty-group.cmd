printf "period,n,g\n2025-Q1,1,p\n2025-Q2,2,p\n2025-Q1,,q\n2025-Q2,,q\n" | kpi-plot series --x period --y n --group g --script -o no-such-dir/n.svg
