package fr.passerelle.gateway.healthspace.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads the demo manifest. Unknown keys are refused so that a typo in the manifest is not silently ignored. */
public final class DemoDataSetReader {

    private final JsonMapper json = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public DemoDataSet read(InputStream manifest) {
        try (manifest) {
            return json.readValue(manifest, DemoDataSet.class);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read the demo data set manifest", e);
        }
    }
}
