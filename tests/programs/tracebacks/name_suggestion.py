# NameError suggestions: a close name in scope.
counter_value = 3
print(counter_valeu)
