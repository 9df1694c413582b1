# a small complete program: inventory records, grouping, formatted report table
records = [
    ("widget", "tools", 12, 2.50), ("gadget", "tools", 3, 10.00), ("apple", "food", 50, 0.30),
    ("bread", "food", 0, 2.20), ("hammer", "tools", 7, 15.75), ("cheese", "food", 8, 6.40),
    ("lamp", "home", 2, 22.00), ("rug", "home", 1, 80.00),
]
class Item:
    __slots__ = ("name", "category", "qty", "price")
    def __init__(self, name, category, qty, price):
        self.name, self.category, self.qty, self.price = name, category, qty, price
    @property
    def value(self):
        return self.qty * self.price
items = [Item(*r) for r in records]
groups = {}
for it in items:
    groups.setdefault(it.category, []).append(it)
print(f"{'category':<10}{'items':>6}{'units':>7}{'value':>10}")
print("-" * 33)
for cat in sorted(groups):
    g = groups[cat]
    print(f"{cat:<10}{len(g):>6}{sum(i.qty for i in g):>7}{sum(i.value for i in g):>10.2f}")
print("-" * 33)
total = sum(i.value for i in items)
print(f"{'total':<10}{len(items):>6}{sum(i.qty for i in items):>7}{total:>10.2f}")
out_of_stock = [i.name for i in items if not i.qty]
low = sorted((i for i in items if 0 < i.qty < 5), key=lambda i: (i.qty, i.name))
print("out of stock:", out_of_stock)
print("low stock:", ", ".join("%s(%d)" % (i.name, i.qty) for i in low))
most = max(items, key=lambda i: i.value)
print("most valuable line: %s = %.2f (%.1f%% of total)" % (most.name, most.value, 100 * most.value / total))
