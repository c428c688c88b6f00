package fr.passerelle.terminology;

import java.util.List;

/**
 * An enumerated value set of the catalogue (MVC or French ANS), with its concepts in published order.
 *
 * @param url       canonical URL (for ANS SVS value sets without one, {@code urn:oid:<oid>})
 * @param oid       the OID CDA documents and {@code coded_element_list_ehdsi.xml} use, may be null
 * @param source    where it was loaded from: {@code MVC} or {@code ANS}
 */
public record ValueSet(String url, String oid, String name, String title, String version, String source,
                       List<Coding> concepts) {

    public ValueSet {
        concepts = List.copyOf(concepts);
    }

    public int size() {
        return concepts.size();
    }
}
