# if/elif/else chains and truthiness of conditions.
def classify(x):
    if x < 0:
        return "negative"
    elif x == 0:
        return "zero"
    elif x < 10:
        return "small"
    else:
        return "large"
for v in (-5, 0, 3, 99):
    print(v, classify(v))
if []:
    print("never")
elif {}:
    print("never")
else:
    print("empty containers are false")
if 0: pass
else: print("one-line suite")
x = 5
if x:
    if x > 3:
        print("nested")
