lead-convert -d tab --stages lead,customer --max-field 12 field-cap.tsv
