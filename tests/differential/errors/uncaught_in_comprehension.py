# an exception raised inside a list comprehension
data = ["1", "2", "three"]
print("converting")
numbers = [int(s) for s in data]
