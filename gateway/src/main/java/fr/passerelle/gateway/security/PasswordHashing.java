package fr.passerelle.gateway.security;

import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

/** The one password encoder: hashes carry their algorithm ({@code {bcrypt}…}), new hashes are bcrypt. */
public final class PasswordHashing {

    private PasswordHashing() {
    }

    public static PasswordEncoder encoder() {
        return PasswordEncoderFactories.createDelegatingPasswordEncoder();
    }
}
