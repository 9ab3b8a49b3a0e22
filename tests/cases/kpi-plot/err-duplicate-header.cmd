printf "a,b,b\nx,1,2\n" | kpi-plot bars --x a --y b
