package fr.passerelle.gateway.testsupport;

import fr.passerelle.gateway.security.PasswordHashing;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The operator account of {@link DemoGatewayTest}: its name, its password and the HTTP Basic header for both. */
public final class DemoOperator {

    public static final String USERNAME = "demo-operator";
    public static final String PASSWORD = "demo operator password";
    static final String HASH_PROPERTY = "passerelle.test.demo-operator-hash";

    private DemoOperator() {
    }

    /** Puts the password's hash where {@link DemoGatewayTest}'s properties read it (once per JVM). */
    public static synchronized void install() {
        if (System.getProperty(HASH_PROPERTY) == null) {
            System.setProperty(HASH_PROPERTY, PasswordHashing.encoder().encode(PASSWORD));
        }
    }

    public static String basic() {
        return basic(USERNAME, PASSWORD);
    }

    public static String basic(String username, String password) {
        return "Basic " + Base64.getEncoder().encodeToString((username + ":" + password)
                .getBytes(StandardCharsets.UTF_8));
    }
}
