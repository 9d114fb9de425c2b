# A traceback through class bodies and __init__ and a property.
class Account:
    def __init__(self, balance):
        self.balance = balance
    @property
    def ratio(self):
        return 100 / self.balance
acct = Account(0)
print(acct.ratio)
