# uncaught user-defined exception with a custom __str__
class PaymentError(Exception):
    def __init__(self, amount):
        super().__init__(amount)
        self.amount = amount
    def __str__(self):
        return "cannot pay %d coins" % self.amount
print("charging")
raise PaymentError(42)
