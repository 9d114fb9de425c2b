"""An object-heavy simulation: a bank with customers, several kinds of accounts and a ledger
of transaction objects, run day by day from a fixed pseudo-random sequence. Money is in
integer cents so every result is exact.

Usage: bank.py [N]. N is the number of transactions. Prints the bank's summary and a checksum.
"""

import sys


class InsufficientFunds(Exception):
    pass


class Transaction:
    __slots__ = ("amount", "day", "kind", "source", "target")

    def __init__(self, day, kind, source, target, amount):
        self.day = day
        self.kind = kind
        self.source = source
        self.target = target
        self.amount = amount


class Account:
    fee = 0

    def __init__(self, number, owner):
        self.number = number
        self.owner = owner
        self.balance = 0
        self.history = []

    def deposit(self, amount):
        self.balance += amount
        self.history.append(amount)

    def withdraw(self, amount):
        if amount + self.fee > self.available():
            raise InsufficientFunds(self.number)
        self.balance -= amount + self.fee
        self.history.append(-amount - self.fee)

    def available(self):
        return self.balance

    def end_of_month(self):
        pass


class Checking(Account):
    fee = 25

    def __init__(self, number, owner, overdraft):
        super().__init__(number, owner)
        self.overdraft = overdraft

    def available(self):
        return self.balance + self.overdraft


class Savings(Account):
    def __init__(self, number, owner, rate_per_mille):
        super().__init__(number, owner)
        self.rate = rate_per_mille

    def end_of_month(self):
        if self.balance > 0:
            self.deposit(self.balance * self.rate // 1000)


class Customer:
    def __init__(self, name):
        self.name = name
        self.accounts = []

    def net_worth(self):
        return sum(a.balance for a in self.accounts)


class Bank:
    def __init__(self):
        self.accounts = {}
        self.customers = []
        self.ledger = []
        self.refused = 0

    def open(self, account):
        self.accounts[account.number] = account
        account.owner.accounts.append(account)
        return account

    def transfer(self, day, source, target, amount):
        try:
            self.accounts[source].withdraw(amount)
        except InsufficientFunds:
            self.refused += 1
            return False
        self.accounts[target].deposit(amount)
        self.ledger.append(Transaction(day, "transfer", source, target, amount))
        return True

    def month_end(self):
        for account in self.accounts.values():
            account.end_of_month()


def simulate(n):
    bank = Bank()
    state = 12345

    def rand(bound):
        nonlocal state
        state = (state * 1103515245 + 12345) & 0x7FFFFFFF
        return (state >> 8) % bound

    number = 1000
    for c in range(200):
        customer = Customer(f"customer{c}")
        bank.customers.append(customer)
        for _ in range(1 + rand(3)):
            number += 1
            if rand(2):
                account = Checking(number, customer, rand(5) * 10_000)
            else:
                account = Savings(number, customer, 1 + rand(4))
            bank.open(account).deposit(rand(100_000))
    numbers = sorted(bank.accounts)
    day = 0
    for i in range(n):
        if i % 500 == 0:
            day += 1
            if day % 30 == 0:
                bank.month_end()
        source = numbers[rand(len(numbers))]
        target = numbers[rand(len(numbers))]
        if source != target:
            bank.transfer(day, source, target, rand(20_000))
    return bank


def main(n):
    bank = simulate(n)
    richest = max(bank.customers, key=lambda c: (c.net_worth(), c.name))
    total = sum(a.balance for a in bank.accounts.values())
    moved = sum(t.amount for t in bank.ledger)
    print(
        "accounts",
        len(bank.accounts),
        "transfers",
        len(bank.ledger),
        "refused",
        bank.refused,
    )
    print("total", total, "moved", moved)
    print("richest", richest.name, richest.net_worth())
    checksum = 0
    for number in sorted(bank.accounts):
        account = bank.accounts[number]
        checksum = (
            checksum * 31 + account.balance + len(account.history)
        ) % 1_000_000_007
    print("checksum", checksum)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 250_000)
