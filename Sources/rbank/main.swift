print("rbank")
