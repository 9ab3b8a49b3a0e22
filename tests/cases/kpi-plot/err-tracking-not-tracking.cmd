printf 'model,customers,mae\nbgnbd,10,0.5\n' | kpi-plot tracking
