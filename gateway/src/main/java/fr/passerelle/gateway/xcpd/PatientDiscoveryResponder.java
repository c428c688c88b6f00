package fr.passerelle.gateway.xcpd;

import fr.passerelle.gateway.exchange.CrossBorderCall;
import fr.passerelle.gateway.exchange.IdentificationOutcome;
import fr.passerelle.gateway.exchange.PatientIdentification;
import fr.passerelle.gateway.exchange.PatientQuery;
import fr.passerelle.gateway.healthspace.FrenchPatient;
import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.PatientSearch;
import fr.passerelle.gateway.soap.RequestSecurity;
import fr.passerelle.gateway.soap.XuaServiceProvider;
import fr.passerelle.trust.Transaction;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The XCPD road: trust, then the exchange's patient identification (health space → access policy → audit).
 * France identifies by INS; identifiers of other authorities name nobody here, and demographic traits alone are
 * matched only when they carry at least a family name or a birth date.
 */
@Component
public class PatientDiscoveryResponder implements PatientDiscoveryRoad {

    private final XuaServiceProvider trust;
    private final PatientIdentification identification;

    public PatientDiscoveryResponder(XuaServiceProvider trust, PatientIdentification identification) {
        this.trust = trust;
        this.identification = identification;
    }

    @Override
    public PatientDiscoveryOutcome respond(RequestSecurity security, PatientDiscoveryQuery query) {
        return trust.check(security, Transaction.XCPD, Optional.empty()).fold(PatientDiscoveryOutcome.Untrusted::new,
                PatientDiscoveryOutcome.Refused::new, call -> identify(call, query));
    }

    private PatientDiscoveryOutcome identify(CrossBorderCall call, PatientDiscoveryQuery query) {
        List<Ins> ins = new ArrayList<>();
        for (PatientIdentifier id : query.insIdentifiers()) {
            try {
                ins.add(new Ins(id.root(), id.extension()));
            } catch (IllegalArgumentException malformed) {
                return new PatientDiscoveryOutcome.NoMatch();
            }
        }
        Optional<PatientSearch> traits = search(query.demographics());
        if (ins.isEmpty() && traits.isEmpty()) {
            return new PatientDiscoveryOutcome.NoMatch();
        }
        IdentificationOutcome outcome = identification.identify(call, new PatientQuery(ins, traits));
        if (outcome instanceof IdentificationOutcome.Identified identified) {
            return new PatientDiscoveryOutcome.Identified(identifiedPatient(identified.patient()));
        }
        if (outcome instanceof IdentificationOutcome.Refused refused) {
            return new PatientDiscoveryOutcome.Refused(XuaServiceProvider.refusalOf(refused.refusal()));
        }
        // Nobody, nobody this requester may know of, or traits too weak to identify anyone (audited as such): the
        // XCPD answer is the same, "no match".
        return new PatientDiscoveryOutcome.NoMatch();
    }

    private static Optional<PatientSearch> search(Demographics demographics) {
        if (demographics.familyNames().isEmpty() && demographics.birthDate().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new PatientSearch(demographics.familyNames().stream().findFirst().orElse(null),
                demographics.givenNames().stream().findFirst().orElse(null), demographics.birthDate().orElse(null),
                demographics.gender().map(PatientDiscoveryResponder::gender).orElse(null)));
    }

    private static fr.passerelle.gateway.healthspace.AdministrativeGender gender(AdministrativeGender gender) {
        return switch (gender) {
            case MALE -> fr.passerelle.gateway.healthspace.AdministrativeGender.MALE;
            case FEMALE -> fr.passerelle.gateway.healthspace.AdministrativeGender.FEMALE;
            case UNDIFFERENTIATED -> fr.passerelle.gateway.healthspace.AdministrativeGender.UNDIFFERENTIATED;
        };
    }

    private static IdentifiedPatient identifiedPatient(FrenchPatient patient) {
        AdministrativeGender gender = switch (patient.gender()) {
            case MALE -> AdministrativeGender.MALE;
            case FEMALE -> AdministrativeGender.FEMALE;
            case UNDIFFERENTIATED -> AdministrativeGender.UNDIFFERENTIATED;
        };
        return new IdentifiedPatient(new PatientIdentifier(patient.ins().oid(), patient.ins().value()),
                new Demographics(List.of(patient.familyName()), patient.givenNames(),
                        Optional.of(patient.birthDate()), Optional.of(gender)));
    }
}
