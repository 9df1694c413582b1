# xml.etree.ElementTree over pyexpat: parsing with namespaces, iterparse
# events, XMLPullParser, the TreeBuilder options, serialization round trips
# and ParseError positions.
import io
import xml.etree.ElementTree as ET

SRC = '''<?xml version="1.0"?>
<!DOCTYPE doc [<!ENTITY e "entity-text">]>
<doc xmlns="urn:default" xmlns:x="urn:x" x:attr="1" plain="p&amp;q">
  <x:item id="1">first &e;</x:item>
  <item id="2"><![CDATA[<cdata & stuff>]]></item>
  <!-- comment -->
  <?pi data?>
  <x:empty/>tail text
  <uni>\u00e9\u20ac\U0001f600</uni>
</doc>'''

root = ET.fromstring(SRC)
print(root.tag, sorted(root.attrib.items()))
for el in root.iter():
    print(repr(el.tag), sorted(el.attrib.items()), repr(el.text), repr(el.tail))
print(ET.tostring(root, encoding='unicode'))
print(ET.tostring(root, encoding='utf-8')[:60])
ET.register_namespace('xx', 'urn:x')
e2 = ET.fromstring('<q xmlns="urn:default"><r xmlns="urn:x"/><s/></q>')
print(ET.tostring(e2, encoding='unicode', default_namespace='urn:default'))
print(ET.canonicalize(SRC.replace('<!DOCTYPE doc [<!ENTITY e "entity-text">]>', '').replace('&e;', 'E'))[:200])

# Comments and PIs kept by the TreeBuilder
tb = ET.TreeBuilder(insert_comments=True, insert_pis=True)
p = ET.XMLParser(target=tb)
p.feed(SRC)
r2 = p.close()
print([(type(c.tag).__name__ if not isinstance(c.tag, str) else c.tag, c.text) for c in r2])

# iterparse with all events
events = ('start', 'end', 'start-ns', 'end-ns', 'comment', 'pi')
for ev, obj in ET.iterparse(io.BytesIO(SRC.encode()), events):
    if ev in ('start', 'end'):
        print(ev, obj.tag)
    elif ev == 'start-ns':
        print(ev, obj)
    else:
        print(ev, getattr(obj, 'text', obj))

# XMLPullParser fed in small pieces
pp = ET.XMLPullParser(('start', 'end'))
data = SRC.encode('utf-8')
for i in range(0, len(data), 7):
    pp.feed(data[i:i + 7])
    for ev, el in pp.read_events():
        print(i, ev, el.tag)
pp.close()

# Round trip of a built tree
a = ET.Element('{urn:a}root', {'k': 'v"<>&'})
b = ET.SubElement(a, 'child')
b.text = 'text with <, & and \u00ff'
b.tail = '\n'
ET.SubElement(a, '{urn:b}other').set('{urn:c}attr', 'x')
s = ET.tostring(a)
print(s)
back = ET.fromstring(s)
print(ET.tostring(back) == s, back[0].text, back[1].attrib)
tree = ET.ElementTree(back)
buf = io.BytesIO()
tree.write(buf, encoding='iso-8859-1', xml_declaration=True)
print(buf.getvalue())
print(ET.tostring(ET.parse(io.BytesIO(buf.getvalue())).getroot()) == s)

# Errors
for bad in ('<a>', '<a></b>', '<a x="1" x="2"/>', '', '<a>&nope;</a>', '<a/><b/>', 'text', '<a>\n\n  <b></c></a>'):
    try:
        ET.fromstring(bad)
    except ET.ParseError as e:
        print(repr(bad), '->', e, e.code, e.position)

# Other encodings through expat and Python codecs
for enc in ('utf-8', 'utf-16', 'iso-8859-1', 'cp1251', 'koi8-r', 'ascii'):
    text = 'abc' if enc == 'ascii' else '\u0416\u00e9'[:1 if enc in ('cp1251', 'koi8-r') else 2 if enc != 'iso-8859-1' else 2]
    try:
        x = ('<?xml version="1.0" encoding="%s"?><t>%s</t>' % (enc, text)).encode(enc)
        print(enc, repr(ET.fromstring(x).text))
    except Exception as e:
        print(enc, type(e).__name__, e)
try:
    ET.fromstring(b'<?xml version="1.0" encoding="utf-32"?><t/>')
except Exception as e:
    print(type(e).__name__, e)
