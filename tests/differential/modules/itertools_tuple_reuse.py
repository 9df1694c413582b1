# zip, zip_longest and the combinatoric iterators recycle their result
# tuple while nobody else holds it (as CPython): ids repeat when each
# result is dropped, and a held result is never changed afterwards.
import itertools

def distinct_ids(it):
    return len(set(map(id, it)))

print(distinct_ids(itertools.combinations('abcde', 3)))
print(distinct_ids(itertools.combinations_with_replacement('abcde', 3)))
print(distinct_ids(itertools.permutations('abcde', 3)))
print(distinct_ids(itertools.product('abc', 'def')))
print(distinct_ids(zip('abc', 'def')))
print(distinct_ids(itertools.zip_longest('abc', 'de')))

# Held results stay intact.
for make in [lambda: itertools.combinations('abcd', 2), lambda: itertools.permutations('abc'),
             lambda: itertools.product('ab', repeat=2), lambda: zip('abc', 'xyz'),
             lambda: itertools.zip_longest('abc', 'x', fillvalue='-'),
             lambda: itertools.combinations_with_replacement('ab', 2)]:
    print(list(make()))

# A result kept across next() calls is a different tuple from the next one.
z = zip(range(3), range(3))
a = next(z)
b = next(z)
print(a, b, a is b)
del a
c = next(z)
print(b, c)
