package fr.passerelle.gateway.console.demo;

import fr.passerelle.gateway.healthspace.demo.DemoDataResources;
import fr.passerelle.gateway.healthspace.demo.DemoDataSet;
import fr.passerelle.gateway.healthspace.demo.DemoDataSetReader;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The demo patients' INS and what each demonstrates, read from the demo data set the health space is seeded from,
 * so the page's hints cannot drift from the data. Synthetic people only: showing them is the point.
 */
@Component
@DemoEnabled
public class PatientHints {

    /** One hint row. */
    public record Hint(String ins, String name, String demonstrates) {
    }

    private final List<Hint> hints;

    public PatientHints() {
        DemoDataSet dataSet = new DemoDataSetReader().read(DemoDataResources.classpath().open("patients.json"));
        this.hints = dataSet.patients().stream().map(p -> new Hint(p.insValue(),
                String.join(" ", p.givenNames()) + " " + p.familyName(), p.demonstrates())).toList();
    }

    public List<Hint> all() {
        return hints;
    }
}
