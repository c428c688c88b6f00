package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import java.util.Objects;

/**
 * A business refusal, answered in the protocol's own shape (HL7v3 {@code acknowledgementDetail}, ebRS
 * {@code RegistryError}), never as a SOAP fault.
 *
 * @param code    the eHDSI error code
 * @param context a short explanation for the requesting NCP; never a patient identifier nor document content
 */
public record BusinessRefusal(ExchangeError code, String context) {

    public BusinessRefusal {
        Objects.requireNonNull(code, "code");
        context = context == null || context.isBlank() ? code.description() : context;
    }

    public static BusinessRefusal of(ExchangeError code) {
        return new BusinessRefusal(code, code.description());
    }
}
