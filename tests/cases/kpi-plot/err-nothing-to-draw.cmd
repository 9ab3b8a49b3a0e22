printf "period,rate\n2025-Q1,\n2025-Q2,\n" | kpi-plot series --x period --y rate
