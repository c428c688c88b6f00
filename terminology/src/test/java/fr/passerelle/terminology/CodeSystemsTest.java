package fr.passerelle.terminology;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CodeSystemsTest {

    @Test
    void wellKnownOidsBecomeTheirFhirUri() {
        assertThat(CodeSystems.canonicalUri("2.16.840.1.113883.6.1")).isEqualTo("http://loinc.org");
        assertThat(CodeSystems.canonicalUri("urn:oid:2.16.840.1.113883.6.96")).isEqualTo("http://snomed.info/sct");
        assertThat(CodeSystems.canonicalUri("2.16.840.1.113883.6.73")).isEqualTo(CodeSystems.ATC);
        assertThat(CodeSystems.canonicalUri("0.4.0.127.0.16.1.1.2.1")).isEqualTo(CodeSystems.EDQM);
        assertThat(CodeSystems.canonicalUri("2.16.840.1.113883.6.8")).isEqualTo(CodeSystems.UCUM);
        assertThat(CodeSystems.canonicalUri("1.3.6.1.4.1.12559.11.10.1.3.1.44.2")).isEqualTo(CodeSystems.ICD_10);
        assertThat(CodeSystems.canonicalUri("2.16.840.1.113883.6.3")).isEqualTo(CodeSystems.ICD_10);
        assertThat(CodeSystems.canonicalUri("1.2.250.1.213.2.3.1")).isEqualTo("urn:oid:1.2.250.1.213.2.3.1");
    }

    @Test
    void urisGiveBackTheOidCdaNeeds() {
        assertThat(CodeSystems.oid("http://loinc.org")).contains("2.16.840.1.113883.6.1");
        assertThat(CodeSystems.oid("http://unitsofmeasure.org/")).contains("2.16.840.1.113883.6.8");
        assertThat(CodeSystems.oid(CodeSystems.ICD_10)).contains("1.3.6.1.4.1.12559.11.10.1.3.1.44.2");
        assertThat(CodeSystems.oid("urn:oid:1.2.250.1.213.2.3.1")).contains("1.2.250.1.213.2.3.1");
        assertThat(CodeSystems.oid("http://example.org/unknown")).isEmpty();
    }

    @Test
    void repairsPublishedDefects() {
        assertThat(CodeSystems.repair("http://unitsofmeasure.org/")).isEqualTo(CodeSystems.UCUM);
        assertThat(CodeSystems.repair(" http://snomed.info/sct ")).isEqualTo(CodeSystems.SNOMED_CT);
        assertThat(CodeSystems.repair("http://terminology.hl7.org/5.3.0/CodeSystem-ISO3166Part1.html"))
                .isEqualTo(CodeSystems.ISO_3166);
        assertThat(CodeSystems.repair("http://terminology.hl7.org/5.3.0/CodeSystem-v3-RoleCode.html"))
                .isEqualTo("http://terminology.hl7.org/CodeSystem/v3-RoleCode");
    }

    @Test
    void codingsNameTheSameConceptWhateverTheSpelling() {
        Coding cda = new Coding("2.16.840.1.113883.6.1", "8716-3", null);
        assertThat(cda.canonicalSystem()).isEqualTo("http://loinc.org");
        assertThat(cda.withCanonicalSystem().system()).isEqualTo("http://loinc.org");
        assertThat(CodeSystems.isOid("1.2.3")).isTrue();
        assertThat(CodeSystems.isOid("1..2")).isFalse();
        assertThat(CodeSystems.isOid("http://x")).isFalse();
    }
}
