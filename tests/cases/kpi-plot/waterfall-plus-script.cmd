printf 'open,created,won,lost,closed\n10,+4,-2,3,13\n' | kpi-plot waterfall --y open,+created,-won,-lost,closed --script
