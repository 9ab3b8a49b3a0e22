printf "group,days,share_open\na,0,1\na,30,0.8\na,90,0.5\na,60,\nb,0,1\nb,45,0.7\nb,120,0.2\n" | kpi-plot series --x days --y share_open --group group --script
