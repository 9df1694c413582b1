# pyexpat: ExpatError's message, code, lineno and offset; the errors and
# model submodules; ErrorString; module constants; Parse/ParseFile argument
# rules; exceptions from handlers stop the parse; positions.
import pyexpat, io
from pyexpat import errors, model

print(pyexpat.ExpatError is pyexpat.error, pyexpat.ExpatError.__module__, pyexpat.ExpatError.__mro__[1].__name__)
print(pyexpat.native_encoding, type(pyexpat.EXPAT_VERSION).__name__, len(pyexpat.version_info))
print(pyexpat.XML_PARAM_ENTITY_PARSING_NEVER, pyexpat.XML_PARAM_ENTITY_PARSING_UNLESS_STANDALONE, pyexpat.XML_PARAM_ENTITY_PARSING_ALWAYS)
print(errors.__name__, model.__name__, errors.__doc__, model.__doc__)
import sys
print(sys.modules['pyexpat.errors'] is errors, sys.modules['pyexpat.model'] is model)
print(errors.XML_ERROR_SYNTAX, errors.codes[errors.XML_ERROR_TAG_MISMATCH], errors.messages[4])
print(len(errors.codes) == len(errors.messages), sorted(errors.messages)[:5])
print(sorted((k, v) for k, v in vars(model).items() if k.startswith('XML_')))
for c in (0, 1, 2, 9, 43, 44, 1000, -1):
    print(c, pyexpat.ErrorString(c))
for bad in ('1', 1.5, None):
    try:
        pyexpat.ErrorString(bad)
    except Exception as e:
        print(type(e).__name__, e)

def parse(data, final=True, **kw):
    p = pyexpat.ParserCreate(**kw)
    try:
        r = p.Parse(data, final)
        print('ok', r)
    except pyexpat.ExpatError as e:
        print('ExpatError', e, '|', e.code, e.lineno, e.offset, errors.messages[e.code] == pyexpat.ErrorString(e.code))
        print('  ', p.ErrorCode, p.ErrorLineNumber, p.ErrorColumnNumber, p.ErrorByteIndex)
    except Exception as e:
        print(type(e).__name__, e)

parse(b'')
parse(b'<a>')
parse(b'<a>', False)
parse(b'<a></b>')
parse(b'<a>\n  <b x="1" x="2"/></a>')
parse(b'<a/><b/>')
parse(b'<a>&undefined;</a>')
parse(b'<a>\xff</a>')
parse(b'<?xml version="1.0" encoding="nosuch-enc"?><a/>')
parse(b'<?xml version="1.0" encoding="iso-8859-5"?><a>\xb0\xd0</a>')
parse('<a>\u20ac\U0001f600</a>')
parse(b'<a xmlns:p="urn:x"><q:b/></a>', namespace_separator=':')
parse(b'<a>&#0;</a>')

# Arguments
p = pyexpat.ParserCreate()
for call in (lambda: p.Parse(), lambda: p.Parse(1), lambda: p.Parse(b'', 1.5), lambda: p.Parse(b'', True, 3),
             lambda: p.ParseFile(1), lambda: pyexpat.ParserCreate().ParseFile(io.StringIO('<a/>')),
             lambda: pyexpat.ParserCreate(encoding=1), lambda: pyexpat.ParserCreate(namespace_separator='ab'),
             lambda: pyexpat.ParserCreate(namespace_separator=1), lambda: pyexpat.ParserCreate(intern=[]),
             lambda: pyexpat.ParserCreate(bogus=1), lambda: pyexpat.XMLParserType(),
             lambda: p.SetBase(1), lambda: __import__('pickle').dumps(p),
             lambda: type('S', (pyexpat.XMLParserType,), {}), lambda: p.SetParamEntityParsing('x'), lambda: p.Parse('\udc80', True)):
    try:
        print(call())
    except Exception as e:
        print(type(e).__name__, e)

print(pyexpat.ParserCreate().ParseFile(io.BytesIO(b'<a>' + b'x' * 5000 + b'</a>')))
p = pyexpat.ParserCreate()
p.Parse(b'<a>', False)
p.Parse(b'</a>', True)
try:
    p.Parse(b'<b/>', True)
except pyexpat.ExpatError as e:
    print(e, e.code)

# An exception in a handler propagates out of Parse and clears the handlers.
class Stop(Exception):
    pass
def boom(*a):
    raise Stop('from handler')
p = pyexpat.ParserCreate()
p.StartElementHandler = boom
p.EndElementHandler = print
try:
    p.Parse(b'<a><b/></a>', True)
except Stop as e:
    print('Stop', e, p.StartElementHandler, p.EndElementHandler)

# Positions during callbacks, GetInputContext, base.
p = pyexpat.ParserCreate()
def start(n, a):
    print(n, p.CurrentLineNumber, p.CurrentColumnNumber, p.CurrentByteIndex, p.GetInputContext()[:10])
p.StartElementHandler = start
p.SetBase('http://x/y')
print(p.GetBase(), p.GetInputContext())
p.Parse(b'<a>\n <b/>\n  <c\n/></a>', True)
print(p.CurrentLineNumber, p.CurrentColumnNumber)
