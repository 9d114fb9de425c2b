# A syntax error in the main program: nothing runs, exit status 1.
print("not printed")
def broken(:
    pass
