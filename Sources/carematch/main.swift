print("carematch")
