printf "channel,cac\nemail,700\nevents,12abc\n" | kpi-plot bars --x channel --y cac
