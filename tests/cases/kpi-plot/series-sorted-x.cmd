printf "period,n\n2025-Q3,5\n2024-Q4,3\n2025-Q1,4\n" | kpi-plot series --x period --y n --script
