lead-convert --explain --stages lead,mql,customer --col id='Record ID' --col created='Create Date' --col mql='Became a MQL Date' mapped.csv
