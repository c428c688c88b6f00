package fr.passerelle.gateway.fhir.crossborder;

import fr.passerelle.gateway.exchange.DispensedMedicine;
import fr.passerelle.gateway.fhir.outcome.FhirRefusal;
import fr.passerelle.terminology.CodeSystems;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Medication;
import org.hl7.fhir.r4.model.MedicationDispense;
import org.hl7.fhir.r4.model.Resource;

/**
 * The medicine a FHIR MedicationDispense hands over, read the way the XDR road reads an eHDSI eDispensation's
 * ({@link DispensedMedicine}: product codes as {@code oid|code}, the ATC class, whether it substituted), so that
 * both roads check a dispensation against its prescribed line with the one {@code exchange.SubstitutionRule}.
 * The medication is {@code medicationCodeableConcept} or a contained {@code Medication} ({@code medicationReference
 * "#id"}): R4 requires one, and a reference to anything else cannot be read here.
 */
final class DispensedProduct {

    private DispensedProduct() {
    }

    static DispensedMedicine of(MedicationDispense dispense) {
        CodeableConcept code = medication(dispense).orElseThrow(() -> FhirRefusal.unprocessable(
                "a MedicationDispense names its medication: medicationCodeableConcept, or medicationReference to a "
                        + "contained Medication with a code"));
        Set<String> products = new LinkedHashSet<>();
        Optional<String> atc = Optional.empty();
        for (Coding coding : code.getCoding()) {
            if (!coding.hasSystem() || !coding.hasCode()) {
                continue;
            }
            if (CodeSystems.ATC.equals(CodeSystems.canonicalUri(coding.getSystem()))) {
                atc = atc.or(() -> Optional.of(coding.getCode()));
            } else {
                Optional<String> oid = CodeSystems.oid(coding.getSystem());
                products.add(oid.orElse(coding.getSystem()) + "|" + coding.getCode());
            }
        }
        boolean substituted = dispense.hasSubstitution() && dispense.getSubstitution().getWasSubstituted();
        return new DispensedMedicine(products, atc, substituted);
    }

    private static Optional<CodeableConcept> medication(MedicationDispense dispense) {
        if (dispense.hasMedicationCodeableConcept()) {
            return Optional.of(dispense.getMedicationCodeableConcept()).filter(CodeableConcept::hasCoding);
        }
        if (!dispense.hasMedicationReference()) {
            return Optional.empty();
        }
        // The parser links a local reference to its contained resource; built in code, it may only name it.
        if (dispense.getMedicationReference().getResource() instanceof Medication linked) {
            return Optional.of(linked.getCode()).filter(CodeableConcept::hasCoding);
        }
        String local = dispense.getMedicationReference().getReference();
        for (Resource contained : dispense.getContained()) {
            String id = contained.getIdElement().getIdPart();
            if (contained instanceof Medication medication && local != null
                    && (local.equals("#" + id) || local.equals(id))) {
                return Optional.of(medication.getCode()).filter(CodeableConcept::hasCoding);
            }
        }
        return Optional.empty();
    }
}
