printf "period,n\n2025-Q1,1\n,2\n" | kpi-plot series --x period --y n
