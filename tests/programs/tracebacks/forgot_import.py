# NameError for a stdlib module name that was not imported.
print(math.pi)
