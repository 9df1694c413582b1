# a small complete program: accounts, transactions, errors and a report
class InsufficientFunds(Exception):
    def __init__(self, account, amount):
        super().__init__("%s cannot withdraw %d (balance %d)" % (account.owner, amount, account.balance))
class Account:
    _next_id = 1
    def __init__(self, owner, balance=0):
        self.id = Account._next_id
        Account._next_id += 1
        self.owner = owner
        self.balance = balance
        self.history = []
    def deposit(self, amount):
        if amount <= 0:
            raise ValueError("deposit must be positive")
        self.balance += amount
        self.history.append(("deposit", amount))
    def withdraw(self, amount):
        if amount > self.balance:
            raise InsufficientFunds(self, amount)
        self.balance -= amount
        self.history.append(("withdraw", amount))
    def __repr__(self):
        return "Account(#%d %s: %d)" % (self.id, self.owner, self.balance)
def transfer(src, dst, amount):
    src.withdraw(amount)
    dst.deposit(amount)
accounts = {name: Account(name, bal) for name, bal in [("ann", 100), ("bob", 50), ("cy", 0)]}
ops = [("ann", "bob", 30), ("bob", "cy", 100), ("cy", "ann", 0), ("bob", "cy", 80), ("ann", "zed", 5)]
for src, dst, amt in ops:
    try:
        transfer(accounts[src], accounts[dst], amt)
        print("ok", src, "->", dst, amt)
    except InsufficientFunds as e:
        print("refused:", e)
    except ValueError as e:
        print("invalid:", e)
    except KeyError as e:
        print("unknown account:", e)
for acc in sorted(accounts.values(), key=lambda a: -a.balance):
    print(acc, acc.history)
print("total", sum(a.balance for a in accounts.values()))
