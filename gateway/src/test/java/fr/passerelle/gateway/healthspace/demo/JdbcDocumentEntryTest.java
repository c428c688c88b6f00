package fr.passerelle.gateway.healthspace.demo;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.healthspace.DocumentEntry;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.testsupport.DatabaseTest;
import fr.passerelle.gateway.testsupport.TestDatabase;

/** Metadata without bytes (what a retrieve with a cached translation reads), on H2 and PostgreSQL. */
class JdbcDocumentEntryTest {

    @DatabaseTest
    void theEntryIsTheRetrievedDocumentsMetadata(TestDatabase db) {
        var healthSpace = DemoData.seededHealthSpace(db);
        for (String name : new String[] {"lefevre", "berthelot"}) {
            Ins patient = DemoData.ins(DemoData.patient(name));
            for (DocumentKind kind : new DocumentKind[] {DocumentKind.PATIENT_SUMMARY, DocumentKind.EPRESCRIPTION}) {
                for (DocumentEntry listed : healthSpace.documents(patient, kind)) {
                    assertThat(healthSpace.entry(listed.uniqueId()))
                            .contains(healthSpace.retrieve(listed.uniqueId()).orElseThrow().entry());
                }
            }
        }
        assertThat(healthSpace.entry("2.25.404")).isEmpty();
    }
}
