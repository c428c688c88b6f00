package fr.passerelle.gateway.xca;

import static org.assertj.core.api.Assertions.assertThat;

import fr.passerelle.gateway.ihe.ProtocolModel;
import fr.passerelle.gateway.ihe.XdsVocabulary;
import fr.passerelle.gateway.soap.ReceivedXml;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * An ePrescription item is listed by what its pivot says, in the places gematik's {@code AdhocQueryResponseEPED.xml}
 * puts it: the prescriber in the author classification's {@code authorPerson}, "product, strength, dose form" as
 * the Description, and the event codes XDW open, ATC, strength ({@code eHDSI_Strength_CodeSystem}) and EDQM dose form.
 */
class PrescriptionItemMetadataTest {

    /** The parts of a pivot eP item the metadata is read from, in the namespaces the translation writes them. */
    private static final String PIVOT = """
            <ClinicalDocument xmlns="urn:hl7-org:v3" xmlns:pharm="urn:hl7-org:pharm">
              <author><assignedAuthor><assignedPerson><name><given>Marie</given><family>DURAND</family></name>
              </assignedPerson></assignedAuthor></author>
              <component><structuredBody><component><section><entry><substanceAdministration>
                <consumable><manufacturedProduct><manufacturedMaterial>
                  <code code="3400930000001" codeSystem="1.2.250.1.213.2.3.1"/>
                  <name>Amlodipine Biogaran 5 mg</name>
                  <pharm:formCode code="10219000" codeSystem="0.4.0.127.0.16.1.1.2.1" displayName="Tablet"/>
                  <pharm:asSpecializedKind classCode="GRIC"><pharm:generalizedMaterialKind classCode="MMAT">
                    <pharm:code code="3400930000001" codeSystem="1.2.250.1.213.2.3.1">
                      <translation code="C08CA01" codeSystem="2.16.840.1.113883.6.73" displayName="amlodipine"/>
                    </pharm:code>
                  </pharm:generalizedMaterialKind></pharm:asSpecializedKind>
                  <pharm:ingredient classCode="ACTI"><pharm:quantity>
                    <numerator value="5" unit="mg"/><denominator value="1" unit="1"/>
                  </pharm:quantity></pharm:ingredient>
                </manufacturedMaterial></manufacturedProduct></consumable>
              </substanceAdministration></entry></section></component></structuredBody></component>
            </ClinicalDocument>
            """;

    @Test
    void theItemIsReadFromItsPivot() {
        PrescriptionItemMetadata item = PrescriptionItemMetadata.of(PIVOT.getBytes(StandardCharsets.UTF_8));

        assertThat(item.authorPerson()).contains("Marie DURAND");
        assertThat(item.description()).contains("Amlodipine Biogaran 5 mg, 5 mg, Tablet");
        assertThat(item.eventCodes()).containsExactly(PrescriptionItemMetadata.OPEN,
                new XdsCode("C08CA01", "2.16.840.1.113883.6.73", "amlodipine"),
                new XdsCode("5 mg", "eHDSI_Strength_CodeSystem", "Strength of medication"),
                new XdsCode("10219000", "0.4.0.127.0.16.1.1.2.1", "Tablet"));
    }

    @Test
    void whatThePivotDoesNotCodeIsLeftOut() {
        String noAtcNoStrength = PIVOT.replaceAll("(?s)<pharm:asSpecializedKind.*?</pharm:asSpecializedKind>", "")
                .replaceAll("(?s)<pharm:ingredient.*?</pharm:ingredient>", "");

        PrescriptionItemMetadata item = PrescriptionItemMetadata.of(noAtcNoStrength.getBytes(StandardCharsets.UTF_8));

        assertThat(item.eventCodes()).extracting(XdsCode::codingScheme)
                .containsExactly("1.3.6.1.4.1.19376.1.2.3", "0.4.0.127.0.16.1.1.2.1");
        assertThat(item.description()).contains("Amlodipine Biogaran 5 mg, Tablet");
        assertThat(PrescriptionItemMetadata.of("not xml".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo(PrescriptionItemMetadata.none());
    }

    @Test
    void theWriterListsThemWhereGematikDoes() {
        DocumentEntry base = CrossGatewayQueryEndpointTest.patientSummaryL3AndL1().get(0);
        DocumentEntry ep = new DocumentEntry(base.entryUuid(), "1.2.250.1.999.2^1", base.repositoryUniqueId(),
                base.homeCommunityId(), base.patientId(), "ePrescription", "text/xml",
                new XdsCode("57833-6", "2.16.840.1.113883.6.1", "ePrescription"),
                new XdsCode("57833-6", "2.16.840.1.113883.6.1", "ePrescription"),
                new XdsCode("urn:epSOS:ep:pre:2010", "eHDSI formatCodes", "eHDSI coded ePrescription"),
                base.confidentialityCode(), base.healthcareFacilityTypeCode(), base.practiceSettingCode(),
                Instant.parse("2024-03-01T10:15:30Z"), "fr-FR", 10, "00", Optional.empty(),
                PrescriptionItemMetadata.of(PIVOT.getBytes(StandardCharsets.UTF_8)), Optional.empty(),
                Optional.empty());
        DocumentQuery query = new DocumentQuery(CrossGatewayQueryEndpointTest.PATIENT,
                Set.of(DocumentClass.EPRESCRIPTION), List.of(), true);

        ReceivedXml xml = ReceivedXml.of(new AdhocQueryResponseWriter(ProtocolModel.XDS)
                .write(query, new DocumentQueryOutcome.Found(List.of(ep), List.of(), List.of())));

        String entry = "//rim:ExtrinsicObject";
        assertThat(xml.text(entry + "/rim:Description/rim:LocalizedString/@value"))
                .isEqualTo("Amlodipine Biogaran 5 mg, 5 mg, Tablet");
        String events = entry + "/rim:Classification[@classificationScheme='" + XdsVocabulary.DOC_EVENT + "']";
        assertThat(xml.nodes(events)).extracting(e -> e.getAttribute("nodeRepresentation"))
                .containsExactly("urn:ihe:iti:xdw:2011:eventCode:open", "C08CA01", "5 mg", "10219000");
        assertThat(xml.text(events + "[@nodeRepresentation='5 mg']/rim:Slot[@name='codingScheme']/rim:ValueList/rim:Value"))
                .isEqualTo("eHDSI_Strength_CodeSystem");
        String author = entry + "/rim:Classification[@classificationScheme='" + XdsVocabulary.DOC_AUTHOR + "']";
        assertThat(xml.text(author + "/@nodeRepresentation")).isEmpty();
        assertThat(xml.text(author + "/rim:Slot[@name='authorPerson']/rim:ValueList/rim:Value"))
                .isEqualTo("Marie DURAND");
    }
}
