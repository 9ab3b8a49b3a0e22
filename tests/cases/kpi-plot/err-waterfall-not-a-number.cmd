printf 'start,new,end\n1,2,$3\n' | kpi-plot waterfall --y start,new,end
