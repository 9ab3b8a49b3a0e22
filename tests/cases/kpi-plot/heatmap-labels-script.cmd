printf 'month,segment,nrr\n2025-02,smb,1.05\n2025-01,smb,0.98\n2025-01,enterprise,1.2\n2025-02,enterprise,\n' | kpi-plot heatmap --x month --y segment --value nrr --script
