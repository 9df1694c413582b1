# a small complete program: word frequencies and text statistics without imports
TEXT = """It was the best of times, it was the worst of times, it was the age of wisdom,
it was the age of foolishness, it was the epoch of belief, it was the epoch of incredulity,
it was the season of Light, it was the season of Darkness, it was the spring of hope,
it was the winter of despair."""
def words(text):
    word = []
    for ch in text.lower():
        if ch.isalpha() or ch == "'":
            word.append(ch)
        elif word:
            yield "".join(word)
            word = []
    if word:
        yield "".join(word)
counts = {}
for w in words(TEXT):
    counts[w] = counts.get(w, 0) + 1
top = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:8]
for w, c in top:
    print("%-10s %3d %s" % (w, c, "#" * c))
lines = TEXT.splitlines()
print(len(lines), [len(l) for l in lines], max(lines, key=len)[:20])
print(sum(counts.values()), len(counts), sorted(w for w in counts if len(w) > 8))
letters = {}
for ch in TEXT.lower():
    if ch.isalpha():
        letters[ch] = letters.get(ch, 0) + 1
print("".join(sorted(letters, key=lambda c: (-letters[c], c)))[:10])
print(TEXT.title().split()[:6], TEXT.count("it was"), TEXT.find("wisdom"))
