# Closures as objects: a bank account and memoization.
def account(balance):
    history = []
    def deposit(n):
        nonlocal balance
        balance += n
        history.append(("+", n))
        return balance
    def withdraw(n):
        nonlocal balance
        if n > balance:
            raise ValueError("insufficient funds")
        balance -= n
        history.append(("-", n))
        return balance
    return deposit, withdraw, lambda: (balance, history)
dep, wd, state = account(10)
dep(5)
wd(3)
try:
    wd(100)
except ValueError as e:
    print(e)
print(state())
def memo(fn):
    cache = {}
    def wrapper(n):
        if n not in cache:
            cache[n] = fn(n)
        return cache[n]
    wrapper.cache = cache
    return wrapper
@memo
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)
print(fib(100), len(fib.cache))
