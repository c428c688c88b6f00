package fr.passerelle.translation.conformance;

import java.net.URI;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.xml.transform.Source;
import javax.xml.transform.TransformerException;
import javax.xml.transform.URIResolver;
import javax.xml.transform.stream.StreamSource;
import net.sf.saxon.Configuration;
import net.sf.saxon.om.NodeInfo;
import net.sf.saxon.trans.XPathException;

/**
 * Resolves the local files a compiled schematron reads with {@code doc()} (the vocabulary lists, up to several MB
 * each) to trees parsed once and shared by every validation; Saxon's own cache lasts one transformation.
 * Only {@code file:} URIs are served; anything else is left to Saxon's default resolution.
 */
final class SharedDocuments implements URIResolver {

    private final Configuration configuration;
    private final Map<String, NodeInfo> trees = new ConcurrentHashMap<>();

    SharedDocuments(Configuration configuration) {
        this.configuration = configuration;
    }

    @Override
    public Source resolve(String href, String base) throws TransformerException {
        URI uri = base == null || base.isEmpty() ? URI.create(href) : URI.create(base).resolve(href);
        if (!"file".equals(uri.getScheme())) {
            return null;
        }
        String key = uri.normalize().toString();
        NodeInfo tree = trees.get(key);
        if (tree == null) {
            try {
                tree = configuration.buildDocumentTree(new StreamSource(key)).getRootNode();
            } catch (XPathException e) {
                throw new TransformerException("cannot read " + key + ": " + e.getMessage(), e);
            }
            NodeInfo raced = trees.putIfAbsent(key, tree);
            tree = raced == null ? tree : raced;
        }
        return tree;
    }
}
