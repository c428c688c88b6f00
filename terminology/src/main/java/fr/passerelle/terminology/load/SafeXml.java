package fr.passerelle.terminology.load;

import javax.xml.stream.XMLInputFactory;

/** StAX factory with DTDs and external entities off: terminology files are data, never a reason to fetch. */
final class SafeXml {

    private SafeXml() {
    }

    static XMLInputFactory inputFactory() {
        XMLInputFactory f = XMLInputFactory.newFactory();
        f.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        f.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        f.setProperty(XMLInputFactory.IS_NAMESPACE_AWARE, true);
        return f;
    }
}
