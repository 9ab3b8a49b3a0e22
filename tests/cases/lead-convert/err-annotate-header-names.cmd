tail -n +2 has-reached-stage.csv | lead-convert --annotate --header "$(head -n 1 has-reached-stage.csv)"
