printf 'a,b,c,d\n-100,130,-20,10\n' | kpi-plot waterfall --y a,b,c,d --script
