printf "a,b\nx,0.0000001\ny,1234567.891\nz,-0.004319\nw,+12.5\n" | kpi-plot bars --x a --y b --script
