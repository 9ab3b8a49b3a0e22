cycle-length
