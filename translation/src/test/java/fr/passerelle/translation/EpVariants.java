package fr.passerelle.translation;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;

/**
 * Small French eP-MED-DM documents written for the tests ({@code src/test/resources/fr-ep/}): a tapered posology
 * with different doses per phase, a free-text posology, and a prescription with repeated line ids, a device line,
 * the pregnancy status and vital signs.
 */
public final class EpVariants {

    public static final String MULTIPHASE = "ep-multiphase.xml";
    public static final String FREE_TEXT = "ep-free-text.xml";
    public static final String IDS_DEVICE_CONTEXT = "ep-ids-device-context.xml";

    private EpVariants() {
    }

    public static byte[] bytes(String name) {
        try (InputStream in = EpVariants.class.getResourceAsStream("/fr-ep/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("no test document " + name);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
