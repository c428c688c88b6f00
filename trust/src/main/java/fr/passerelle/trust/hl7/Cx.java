package fr.passerelle.trust.hl7;

import java.util.Objects;
import java.util.Optional;

/**
 * An HL7 v2 CX (extended composite identifier) as IHE and eHDSI carry patient ids:
 * {@code id^^^&oid&ISO}, optionally followed by an identifier type code ({@code ^NH} in the French DMP's metadata
 * and VIHF). This is the one reader and writer of that text in the gateway.
 *
 * <p>Writing ({@link #encode()}) always gives {@code id^^^&assigningAuthority&ISO[^identifierTypeCode]}: the gateway
 * only ever names assigning authorities by ISO OID. The components cannot hold a separator ({@code ^}, {@code &}),
 * so a value read from one message cannot add components to the one written from it.
 *
 * <p>Reading ({@link #read(String, Rules)}) never throws: it gives {@link Read} or {@link Refused} with a
 * {@link Refusal}. Rules common to every {@link Rules}:
 * <ul>
 *   <li>whitespace around the text is dropped, then one pair of surrounding single quotes (the quoting of an
 *       ebXML stored-query slot value); whitespace inside components is kept as it is;</li>
 *   <li>more than {@link #MAX_LENGTH} characters (after that) is refused before anything is split: 256 is the
 *       limit the gateway puts on every identity field where it enters (issue 20);</li>
 *   <li>no HL7 escape sequence is decoded: a {@code \} is an ordinary character. None of the profiles escape in
 *       patient ids, an INS is letters and digits, and a foreign id must be answered back exactly as it came;</li>
 *   <li>an empty or blank CX.1 or CX.4.2 is refused, and so is a {@code &} in CX.1 (a subcomponent where the
 *       identifier must be text);</li>
 *   <li>components are split keeping empty ones, so {@code id^^^} has four components, the last empty.</li>
 * </ul>
 *
 * <p>The rules differ on purpose between the callers, hence {@link Rules}:
 * <ul>
 *   <li>{@link Rules#STRICT_XDS} for the patient id of an XCA query or an XDR submission: IHE ITI TF-3 4.2.3.1.7
 *       (XDSDocumentEntry.patientId, Table 4.2.3.1.7-2) allows only CX.1 and CX.4, and CX.4 must be
 *       {@code &OID&ISO}. The id is answered back in the query response and recorded with the dispensation, so
 *       anything else is a malformed request, said so to the sender;</li>
 *   <li>{@link Rules#LENIENT} for metadata the DMP answers: only CX.1 and the OID in CX.4.2 are used; CX.2,
 *       CX.3, CX.4.1, CX.4.3 and the components after CX.5 are not looked at. The DMP writes {@code ^NH} in CX.5
 *       and its ids are then checked as INS;</li>
 *   <li>{@link Rules#LENIENT_OR_ROOT_CARET_ID} for the patient of a TRC assertion: as lenient, and also the
 *       plain {@code root^id} pair that some NCPs write in the TRC. Leniency cannot let the wrong patient in: the
 *       id read is only ever compared with, or taken as, a French INS, whose OID and value are checked.</li>
 * </ul>
 *
 * @param id                 CX.1, the identifier
 * @param assigningAuthority CX.4.2, the OID of the assigning authority (CX.4.3 is ISO)
 * @param identifierTypeCode CX.5 (HL7 table 0203, e.g. {@code NH}), or the empty string when absent
 */
public record Cx(String id, String assigningAuthority, String identifierTypeCode) {

    /** The longest CX read or written, in characters. */
    public static final int MAX_LENGTH = 256;

    public Cx {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(assigningAuthority, "assigningAuthority");
        Objects.requireNonNull(identifierTypeCode, "identifierTypeCode");
        if (id.isBlank() || hasSeparator(id)) {
            throw new IllegalArgumentException("A CX identifier is not blank and holds no ^ or &");
        }
        if (assigningAuthority.isBlank() || hasSeparator(assigningAuthority)) {
            throw new IllegalArgumentException("A CX assigning authority is not blank and holds no ^ or &");
        }
        if (hasSeparator(identifierTypeCode) || !identifierTypeCode.isEmpty() && identifierTypeCode.isBlank()) {
            throw new IllegalArgumentException("A CX identifier type code is empty or text without ^ or &");
        }
        if (encodedLength(id, assigningAuthority, identifierTypeCode) > MAX_LENGTH) {
            throw new IllegalArgumentException("A CX is at most " + MAX_LENGTH + " characters");
        }
    }

    /** A CX without identifier type code. */
    public Cx(String id, String assigningAuthority) {
        this(id, assigningAuthority, "");
    }

    /** How strictly a text is read; why the callers differ is in the class comment. */
    public enum Rules {
        /** Exactly {@code id^^^&oid&ISO}: IHE XDS patient id. */
        STRICT_XDS,
        /** {@code id^…^…^…&oid…[^…]}: CX.1 and CX.4.2, the rest not looked at. */
        LENIENT,
        /** As {@link #LENIENT}, or the pair {@code root^id} (exactly two components). */
        LENIENT_OR_ROOT_CARET_ID
    }

    /** Why a text is not a CX under the rules asked for. */
    public enum Refusal {
        EMPTY("is empty"),
        TOO_LONG("is longer than " + MAX_LENGTH + " characters"),
        NOT_CX("is not in the form id^^^&oid&ISO"),
        NO_ID("has no identifier (CX.1)"),
        SEPARATOR_IN_ID("has a subcomponent in its identifier (CX.1)"),
        UNEXPECTED_COMPONENT("has components other than CX.1 and CX.4"),
        NO_AUTHORITY("has no assigning authority OID (CX.4.2)"),
        AUTHORITY_NOT_ISO("has an assigning authority not in the form &oid&ISO");

        private final String explanation;

        Refusal(String explanation) {
            this.explanation = explanation;
        }

        /** Completes "The patient id …": never quotes the identifier. */
        public String explanation() {
            return explanation;
        }
    }

    /** What {@link #read} found. */
    public sealed interface Reading permits Read, Refused {

        /** The CX, when it was read. */
        Optional<Cx> cx();
    }

    public record Read(Cx value) implements Reading {

        @Override
        public Optional<Cx> cx() {
            return Optional.of(value);
        }
    }

    public record Refused(Refusal refusal) implements Reading {

        @Override
        public Optional<Cx> cx() {
            return Optional.empty();
        }
    }

    /** Reads {@code text} under {@code rules}; null, like blank, is {@link Refusal#EMPTY}. */
    public static Reading read(String text, Rules rules) {
        Objects.requireNonNull(rules, "rules");
        String value = text == null ? "" : unquoted(text.trim());
        if (value.isBlank()) {
            return new Refused(Refusal.EMPTY);
        }
        if (value.length() > MAX_LENGTH) {
            return new Refused(Refusal.TOO_LONG);
        }
        String[] components = value.split("\\^", -1);
        if (components.length == 2 && rules == Rules.LENIENT_OR_ROOT_CARET_ID) {
            return checked(components[1], components[0], "");
        }
        if (components.length < 4) {
            return new Refused(Refusal.NOT_CX);
        }
        String[] authority = components[3].split("&", -1);
        if (authority.length < 2 || authority[1].isBlank()) {
            return new Refused(Refusal.NO_AUTHORITY);
        }
        if (rules != Rules.STRICT_XDS) {
            String typeCode = components.length > 4 && !components[4].isBlank() && !hasSeparator(components[4])
                    ? components[4] : "";
            return checked(components[0], authority[1], typeCode);
        }
        if (authority.length != 3 || !authority[0].isEmpty() || !"ISO".equals(authority[2])) {
            return new Refused(Refusal.AUTHORITY_NOT_ISO);
        }
        if (!components[1].isEmpty() || !components[2].isEmpty() || components.length > 4) {
            return new Refused(Refusal.UNEXPECTED_COMPONENT);
        }
        return checked(components[0], authority[1], "");
    }

    /** {@code id^^^&assigningAuthority&ISO}, then {@code ^identifierTypeCode} when there is one. */
    public String encode() {
        String cx = id + "^^^&" + assigningAuthority + "&ISO";
        return identifierTypeCode.isEmpty() ? cx : cx + "^" + identifierTypeCode;
    }

    /** Never the identifier itself: logs must not carry patient identifiers. */
    @Override
    public String toString() {
        return "Cx[" + assigningAuthority + ", ***]";
    }

    private static Reading checked(String id, String authority, String typeCode) {
        if (id.isBlank()) {
            return new Refused(Refusal.NO_ID);
        }
        if (id.indexOf('&') >= 0) {
            return new Refused(Refusal.SEPARATOR_IN_ID);
        }
        if (authority.isBlank() || authority.indexOf('&') >= 0) {
            return new Refused(Refusal.NO_AUTHORITY);
        }
        if (encodedLength(id, authority, typeCode) > MAX_LENGTH) {
            // a lenient reading writes back longer than it read: "oid^id" becomes "id^^^&oid&ISO"
            return new Refused(Refusal.TOO_LONG);
        }
        return new Read(new Cx(id, authority, typeCode));
    }

    private static int encodedLength(String id, String authority, String typeCode) {
        return id.length() + "^^^&".length() + authority.length() + "&ISO".length()
                + (typeCode.isEmpty() ? 0 : 1 + typeCode.length());
    }

    private static String unquoted(String value) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(1, value.length() - 1);
        }
        return value;
    }

    private static boolean hasSeparator(String component) {
        return component.indexOf('^') >= 0 || component.indexOf('&') >= 0;
    }
}
