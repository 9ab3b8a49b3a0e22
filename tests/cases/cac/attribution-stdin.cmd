cac --attribution - --spend - --by channel
