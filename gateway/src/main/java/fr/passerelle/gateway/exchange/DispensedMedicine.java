package fr.passerelle.gateway.exchange;

import fr.passerelle.translation.cda.ClinicalEntry;
import fr.passerelle.translation.cda.CodedValue;
import java.util.LinkedHashSet;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A medicine as a dispensation is checked against its prescription: the product codes it is known by (each
 * {@code system|code}, its translations included: a French CIS/CIP, another country's product code) and its active
 * substance class (ATC), as the translation reads them from a French prescription line or an eHDSI eDispensation.
 *
 * @param substituted the eDispensation says the product was substituted (eHDSI SUBST act, or an
 *                    ActSubstanceAdminSubstitution other than N); always false for a prescribed medicine
 */
public record DispensedMedicine(Set<String> productCodes, Optional<String> atc, boolean substituted) {

    /** WHO ATC, the substance class eHDSI names medicines by. */
    static final String ATC = "2.16.840.1.113883.6.73";

    public DispensedMedicine {
        productCodes = Set.copyOf(productCodes);
        Objects.requireNonNull(atc, "atc");
    }

    /** A product as the translation read it (prescribed line or dispensed one). */
    public static DispensedMedicine of(ClinicalEntry.Product product, boolean substituted) {
        Set<String> codes = new LinkedHashSet<>();
        codings(product.code()).filter(c -> !ATC.equals(c.codeSystem()))
                .forEach(c -> codes.add(c.codeSystem() + "|" + c.code()));
        // The class first, then the product code's ATC translation, then a single ingredient's substance.
        Optional<String> atc = Stream.of(codings(product.atc()), codings(product.code()),
                        product.ingredients().size() == 1 ? codings(product.ingredients().get(0).substance())
                                : Stream.<CodedValue>empty())
                .flatMap(s -> s).filter(c -> ATC.equals(c.codeSystem())).map(CodedValue::code).findFirst();
        return new DispensedMedicine(codes, atc, substituted);
    }

    private static Stream<CodedValue> codings(CodedValue value) {
        if (value == null) {
            return Stream.empty();
        }
        return Stream.concat(Stream.of(value), value.translations().stream())
                .filter(c -> c.code() != null && !c.code().isBlank() && c.codeSystem() != null);
    }
}
