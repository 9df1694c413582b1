# xml.dom.minidom, xml.dom.pulldom and xml.sax over pyexpat: parseString,
# toxml/toprettyxml, namespaces, the DTD's entities and notations, SAX
# events with namespaces and a locator, and their error reports.
import io
import xml.dom.minidom as md
import xml.dom.pulldom as pulldom
import xml.sax
import xml.sax.handler
from xml.sax.saxutils import XMLGenerator

SRC = '''<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE root [
  <!ENTITY ent "replacement">
  <!NOTATION png SYSTEM "image/png">
  <!ELEMENT root ANY>
  <!ATTLIST item kind (a|b) "a">
]>
<root xmlns:n="urn:n" xmlns="urn:d">
  <item n:key="v">text &ent; &lt;&gt;</item>
  <n:other><![CDATA[raw <b>]]></n:other>
  <!--comment-->
  <?target data?>
  <empty/>
</root>'''

doc = md.parseString(SRC)
print(doc.toxml())
print(doc.toprettyxml(indent=' ')[:300])
print(doc.documentElement.tagName, doc.documentElement.namespaceURI)
dt = doc.doctype
print(dt.name, [dt.entities.item(i).nodeName for i in range(dt.entities.length)],
      [dt.notations.item(i).nodeName for i in range(dt.notations.length)])
item = doc.getElementsByTagName('item')[0]
print(item.getAttribute('kind'), item.getAttributeNS('urn:n', 'key'), item.firstChild.data)
print([n.nodeType for n in doc.documentElement.childNodes])
other = doc.getElementsByTagNameNS('urn:n', 'other')[0]
print(other.prefix, other.localName, other.firstChild.nodeType, other.firstChild.data)
doc2 = md.parse(io.BytesIO(SRC.encode()))
print(doc2.toxml() == doc.toxml())
d3 = md.Document()
e = d3.createElement('x')
e.setAttribute('a', '"&<')
e.appendChild(d3.createTextNode('t<&>'))
d3.appendChild(e)
print(d3.toxml(), md.parseString(d3.toxml()).toxml() == d3.toxml())
for bad in ('<a>', '<a></b>', '', '<a b="1" b="2"/>'):
    try:
        md.parseString(bad)
    except Exception as e:
        print(type(e).__name__, e)

# pulldom
for ev, node in pulldom.parseString('<r><a x="1">t</a><b/></r>'):
    print(ev, node.nodeName)

# SAX with namespaces on and off
class H(xml.sax.handler.ContentHandler):
    def setDocumentLocator(self, loc):
        self.loc = loc
    def startElement(self, name, attrs):
        print('start', name, sorted(attrs.items()), self.loc.getLineNumber(), self.loc.getColumnNumber())
    def endElement(self, name):
        print('end', name)
    def startElementNS(self, name, qname, attrs):
        print('startNS', name, qname, sorted(attrs.items(), key=str))
    def endElementNS(self, name, qname):
        print('endNS', name, qname)
    def startPrefixMapping(self, prefix, uri):
        print('prefix', prefix, uri)
    def characters(self, content):
        if content.strip():
            print('chars', repr(content))
    def processingInstruction(self, target, data):
        print('pi', target, data)

for ns in (False, True):
    p = xml.sax.make_parser()
    p.setFeature(xml.sax.handler.feature_namespaces, ns)
    p.setContentHandler(H())
    p.parse(io.BytesIO(SRC.encode()))

out = io.StringIO()
xml.sax.parseString(SRC.encode(), XMLGenerator(out))
print(out.getvalue())
class Err(xml.sax.handler.ErrorHandler):
    def fatalError(self, exc):
        print('fatal', exc.getMessage(), exc.getLineNumber(), exc.getColumnNumber())
        raise exc
try:
    xml.sax.parseString(b'<a>\n<b></a>', xml.sax.handler.ContentHandler(), Err())
except xml.sax.SAXParseException as e:
    print('SAXParseException', e)
