package fr.passerelle.gateway.console.me;

import fr.passerelle.gateway.healthspace.Ins;
import fr.passerelle.gateway.healthspace.demo.DemoDataResources;
import fr.passerelle.gateway.healthspace.demo.DemoDataSet;
import fr.passerelle.gateway.healthspace.demo.DemoDataSetReader;
import fr.passerelle.gateway.patient.token.DevIssuerEnabled;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * The synthetic patients of the packaged demo data set, for the demo sign-in. Exists only when the dev patient-token
 * issuer is enabled ({@link DevIssuerEnabled}: the demo defaults), never with production defaults.
 */
@Component
@DevIssuerEnabled
public class DemoPatients {

    /** One patient on the sign-in list, chosen by its key (the INS never travels in the form). */
    public record DemoPatient(String key, String name, Ins ins, String demonstrates) {
    }

    private final List<DemoPatient> patients;

    public DemoPatients() {
        DemoDataSet dataSet = new DemoDataSetReader().read(DemoDataResources.classpath().open("patients.json"));
        this.patients = dataSet.patients().stream()
                .map(p -> new DemoPatient(p.key(), String.join(" ", p.givenNames()) + " " + p.familyName(),
                        new Ins(Ins.TEST_NIR, p.insValue()), p.demonstrates()))
                .toList();
    }

    public List<DemoPatient> all() {
        return patients;
    }

    public Optional<DemoPatient> byKey(String key) {
        return patients.stream().filter(p -> p.key().equals(key)).findFirst();
    }
}
