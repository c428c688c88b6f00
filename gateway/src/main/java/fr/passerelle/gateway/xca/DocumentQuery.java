package fr.passerelle.gateway.xca;

import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An XCA FindDocuments query (ITI-38) as Passerelle reads it.
 *
 * @param patientId              {@code $XDSDocumentEntryPatientId}
 * @param classes                the supported classes asked for ({@code $XDSDocumentEntryClassCode})
 * @param unsupportedClassCodes  class codes asked for that France does not serve through XCA
 * @param leafClass              {@code returnType="LeafClass"} (full metadata) rather than ObjectRef
 */
public record DocumentQuery(XdsPatientId patientId, Set<DocumentClass> classes, List<String> unsupportedClassCodes,
                            boolean leafClass) {

    public DocumentQuery {
        Objects.requireNonNull(patientId, "patientId");
        classes = Set.copyOf(classes);
        unsupportedClassCodes = List.copyOf(unsupportedClassCodes);
    }
}
