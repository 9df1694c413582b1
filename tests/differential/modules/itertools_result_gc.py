# Recycled result tuples (itertools combinatorics, zip) are tracked by the
# gc again when they are refilled, even if a collection untracked them
# while they held only atomic items (bpo-42536).
import gc
import itertools

def check(label, it):
    first = next(it)
    gc.collect()
    del first
    second = next(it)
    print(label, second, gc.is_tracked(second))

check("combinations", itertools.combinations([None, []], 1))
check("combinations_with_replacement", itertools.combinations_with_replacement([None, []], 1))
check("permutations", itertools.permutations([None, []], 1))
check("product", itertools.product([None, []], repeat=1))
check("zip", zip([None, []]))
check("zip_longest", itertools.zip_longest([None, []]))

# Tuples of atomic items made fresh are still untracked by a collection.
t = tuple([1, 2, "x"])
gc.collect()
print("atomic tuple after collect", gc.is_tracked(t))
t2 = tuple([1, []])
gc.collect()
print("container tuple after collect", gc.is_tracked(t2))
