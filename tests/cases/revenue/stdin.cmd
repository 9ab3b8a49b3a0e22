revenue
