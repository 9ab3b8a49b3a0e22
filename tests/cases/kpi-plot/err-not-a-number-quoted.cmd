printf "channel,cac\nemail,700\nevents,\"1,200\"\n" | kpi-plot bars --x channel --y cac
