# for loops with else, break, continue, nested loops and loop variables after the loop.
for i in range(3):
    print("i", i)
else:
    print("done", i)
def find(items, target):
    for index, item in enumerate(items):
        if item == target:
            print("found at", index)
            break
    else:
        print("not found")
find([4, 5, 6], 5)
find([4, 5, 6], 9)
for x in []:
    pass
else:
    print("empty loop else")
for a in range(3):
    for b in range(3):
        if b == 2:
            break
        if a == b:
            continue
        print(a, b)
for k, v in {"x": 1, "y": 2}.items():
    print(k, v)
for ch in "ab":
    ch = ch * 3
    print(ch)
for i in range(5):
    pass
print("after", i)
lst = [1, 2, 3]
for item in lst:
    if item == 1:
        lst.append(4)
print(lst)
