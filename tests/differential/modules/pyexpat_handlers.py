# pyexpat: the order and arguments of every handler, interning, ordered and
# specified attributes, namespaces and triplets, buffer_text, the DTD
# handlers with content models, and handler attribute rules.
import pyexpat

DOC = b'''<?xml version="1.0" encoding="utf-8" standalone="no"?>
<!DOCTYPE root SYSTEM "r.dtd" [
  <!ELEMENT root (a|b)*>
  <!ELEMENT a (#PCDATA|b)*>
  <!ELEMENT b EMPTY>
  <!ELEMENT c (a,(b|a)+,a?)>
  <!ATTLIST a x CDATA "dflt" y (p|q) #REQUIRED z ID #IMPLIED>
  <!ENTITY ent "entity &#233;text">
  <!ENTITY ext SYSTEM "ext.xml">
  <!NOTATION gif PUBLIC "image/gif" "viewer">
  <!ENTITY pic SYSTEM "pic.gif" NDATA gif>
]>
<?pi-target some data?>
<root xmlns="urn:d" xmlns:n="urn:n">
  <!-- a comment -->
  <a y="p" n:k="v">text &ent; &amp; &#x41;<![CDATA[<raw>]]></a>
  <n:b/>
  &ext;
</root>
'''

names = [n for n in dir(pyexpat.ParserCreate()) if n.endswith('Handler') or n == 'DefaultHandlerExpand']
print(sorted(names))

def make(events, **kw):
    p = pyexpat.ParserCreate(**kw)
    for n in names:
        if n in ('DefaultHandler', 'DefaultHandlerExpand'):
            continue
        def h(*args, n=n):
            if n == 'ExternalEntityRefHandler':
                # The namespace part of the context is in expat's hash order.
                args = (sorted(args[0].split('\x0c')),) + args[1:]
            events.append((n[:-7] if n.endswith('Handler') else n,) + args)
            if n in ('ExternalEntityRefHandler', 'NotStandaloneHandler'):
                return 1
        setattr(p, n, h)
    return p

for kw in ({}, {'namespace_separator': ' '}, {'namespace_separator': '|', 'intern': None}):
    ev = []
    p = make(ev, **kw)
    print(kw, p.Parse(DOC, True))
    for e in ev:
        print(' ', e)

# Interning: equal names are the same object; the dict is filled.
ev = []
p = make(ev)
p.Parse(b'<r><e a="1"/><e a="2"/></r>', True)
starts = [e for e in ev if e[0] == 'StartElement']
print(starts[1][1] is starts[2][1], sorted(p.intern))

# ordered / specified attributes, namespace triplets
p = pyexpat.ParserCreate(namespace_separator='!')
p.ordered_attributes = 1
p.specified_attributes = True
p.namespace_prefixes = 1
out = []
p.StartElementHandler = lambda n, a: out.append((n, a))
p.Parse('<!DOCTYPE x [<!ATTLIST x d CDATA "def">]><x xmlns:p="urn:p" p:a="1" b="2"/>', True)
print(out, p.ordered_attributes, p.specified_attributes, p.namespace_prefixes)

# buffer_text joins adjacent text; other handlers flush it first.
for bt in (False, True):
    p = pyexpat.ParserCreate()
    p.buffer_text = bt
    out = []
    p.CharacterDataHandler = lambda d: out.append(('c', d))
    p.CommentHandler = lambda d: out.append(('!', d, p.buffer_used))
    p.Parse('<a>one\ntwo &amp; three<!--x-->four</a>', True)
    print(bt, out)
p = pyexpat.ParserCreate()
p.buffer_size = 4
print(p.buffer_text, p.buffer_size)
out = []
p.CharacterDataHandler = out.append
p.Parse('<a>ab cd efghij k</a>', True)
print(out)
for v in (0, -1, 'x', 2**31, 2**80):
    try:
        p.buffer_size = v
    except Exception as e:
        print(type(e).__name__, e)

# Handler attributes
p = pyexpat.ParserCreate()
print(p.StartElementHandler, p.buffer_text, p.buffer_size, p.buffer_used, p.intern)
p.StartElementHandler = print
print(p.StartElementHandler is print)
p.StartElementHandler = None
print(p.StartElementHandler)
for stmt in ('del p.StartElementHandler', 'del p.buffer_text', 'p.buffer_used = 1', 'p.intern = {}', 'p.nosuch', 'p.nosuch = 1'):
    try:
        exec(stmt)
    except Exception as e:
        print(type(e).__name__)

# DefaultHandler sees what no other handler takes, Expand with entities expanded.
for attr in ('DefaultHandler', 'DefaultHandlerExpand'):
    p = pyexpat.ParserCreate()
    out = []
    setattr(p, attr, out.append)
    p.StartElementHandler = lambda n, a: out.append('<%s>' % n)
    p.Parse('<!DOCTYPE r [<!ENTITY e "EE">]><r>x&e;y<!--c--></r>', True)
    print(attr, out)
