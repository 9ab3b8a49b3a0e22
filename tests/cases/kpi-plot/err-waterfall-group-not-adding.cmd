printf 'segment,start,new,end\nsmb,1,2,3\nent,10,5,16\n' | kpi-plot waterfall --y start,new,end --group segment
