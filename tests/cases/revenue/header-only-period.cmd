revenue --period month --total header-only.csv
