printf "channel,roi\nemail,1.5\nevents,-0.25\nads,0.4\n" | kpi-plot bars --x channel --y roi --title "ROI" --script
