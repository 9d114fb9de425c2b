# An uncaught KeyboardInterrupt.
print("about to interrupt")
raise KeyboardInterrupt
