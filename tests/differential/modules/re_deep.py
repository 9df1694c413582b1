# Deep repetitions: millions of iterations must not overflow the stack
import re
print(len(re.match(r'(?:ab)*', 'ab' * 3000000).group()))
print(len(re.match(r'(?:a|b)*?c', 'ab' * 1000000 + 'c').group()))
print(re.match(r'(a|b)+$', 'ab' * 500000).span(1))
print(len(re.findall(r'(?:x|y)+', 'xy' * 200000 + ' ' + 'yx' * 1000)))
print(re.fullmatch(r'((a)|b)*', 'ab' * 300000).groups())
