kpi-plot funnel --where segment=smb --script funnel-segment.csv
