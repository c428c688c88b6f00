package fr.passerelle.gateway.security;

import java.util.Objects;

/**
 * An operator of the agency.
 *
 * @param username     login
 * @param passwordHash the password hashed with its algorithm prefix, e.g. {@code {bcrypt}$2a$10$…}
 *                     ({@code java -jar passerelle.jar operator hash-password} makes one)
 */
public record OperatorAccount(String username, String passwordHash) {

    public OperatorAccount {
        if (username == null || username.isBlank()) {
            throw new IllegalArgumentException("passerelle.security.operators[].username is required");
        }
        Objects.requireNonNull(passwordHash, "passerelle.security.operators[].password-hash is required");
        if (!passwordHash.matches("\\{(bcrypt|argon2@SpringSecurity_v5_8|pbkdf2@SpringSecurity_v5_8|scrypt@SpringSecurity_v5_8)}.+")) {
            throw new IllegalArgumentException("The password of operator '" + username
                    + "' must be a hash with its algorithm prefix such as {bcrypt}…, never a clear password");
        }
    }

    @Override
    public String toString() {
        return "OperatorAccount[" + username + "]";
    }
}
