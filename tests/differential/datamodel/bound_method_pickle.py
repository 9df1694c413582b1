# Bound methods pickle as getattr(self, name): instance methods,
# classmethods bound to their class, and methods of builtin instances.
import copy
import pickle
from zoneinfo import ZoneInfo

class Account:
    def __init__(self, n):
        self.n = n
    def __eq__(self, other):
        return type(other) is Account and other.n == self.n
    def balance(self):
        return self.n * 10
    @classmethod
    def opened(cls, n):
        return cls(n)

acct = Account(4)
for proto in range(pickle.HIGHEST_PROTOCOL + 1):
    m = pickle.loads(pickle.dumps(acct.balance, proto))
    c = pickle.loads(pickle.dumps(Account.opened, proto))
    print(proto, m(), m.__self__ == acct, c(7).n, c.__self__ is Account)
print(acct.balance.__reduce__()[1][1], acct.balance.__reduce__()[1][0] is acct, Account.opened.__reduce__()[1][1])
print(copy.deepcopy(acct.balance)(), copy.copy(acct.balance).__self__ is acct)
print(pickle.loads(pickle.dumps([1, 2].append)).__self__)
print(pickle.loads(pickle.dumps(ZoneInfo("UTC"))) is ZoneInfo("UTC"))
