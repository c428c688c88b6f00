package fr.passerelle.trust;

import fr.passerelle.trust.assertion.AssertionKind;
import fr.passerelle.trust.assertion.AssertionReader;
import fr.passerelle.trust.assertion.EhdsiAttributes;
import fr.passerelle.trust.assertion.HcpIdentity;
import fr.passerelle.trust.assertion.MalformedAssertionException;
import fr.passerelle.trust.assertion.NextOfKin;
import fr.passerelle.trust.assertion.PurposeOfUse;
import fr.passerelle.trust.assertion.SamlAssertion;
import fr.passerelle.trust.assertion.TreatmentConfirmation;
import fr.passerelle.trust.replay.ReplayGuard;
import fr.passerelle.trust.trustlist.CertificateCountry;
import fr.passerelle.trust.trustlist.SignerTrust;
import fr.passerelle.trust.trustlist.SignerVerdict;
import fr.passerelle.trust.trustlist.TrustList;
import fr.passerelle.trust.xml.EnvelopedSignatureVerifier;
import fr.passerelle.trust.xml.HardenedXml;
import fr.passerelle.trust.xml.IdAttributes;
import fr.passerelle.trust.xml.SignatureRefusedException;
import fr.passerelle.trust.xml.UnsafeXmlException;
import fr.passerelle.trust.xml.XmlLimits;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.Node;

/**
 * Decides whether to believe the assertions of a cross-border request. Independent of CXF and HAPI: give it
 * the SOAP envelope DOM, its Header, the {@code wsse:Security} element, a bare assertion, or any element whose
 * children are the assertions (the FHIR road decodes its base64 headers into one), the transaction called and
 * the patient the request is about. Thread-safe.
 * <p>
 * The checks, in order: the header's shape and size; assertion structure; ID uniqueness in the whole document
 * (XSW); the enveloped signature covers exactly the assertion used; the signer chains to the trust list of the
 * country it claims; times with clock skew and maximum lifetimes; sender-vouches and audience; HCP claims;
 * TRC bound to the HCP assertion and to the request's patient; role, permissions and purpose for the
 * transaction; and last, one use of each assertion and message id across all nodes.
 */
final class LegacyRequestValidator {

    static final String WSSE_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-secext-1.0.xsd";
    static final String WSU_NS = "http://docs.oasis-open.org/wss/2004/01/oasis-200401-wss-wssecurity-utility-1.0.xsd";
    static final String WSA_NS = "http://www.w3.org/2005/08/addressing";
    static final String SOAP11_NS = "http://schemas.xmlsoap.org/soap/envelope/";
    static final String SOAP12_NS = "http://www.w3.org/2003/05/soap-envelope";

    private final TrustSettings settings;
    private final SignerTrust signerTrust;
    private final ReplayGuard replayGuard;
    private final Clock clock;
    private final AssertionReader reader = new AssertionReader();
    private final EnvelopedSignatureVerifier signatures = new EnvelopedSignatureVerifier();
    private final HardenedXml headerLimits;

    LegacyRequestValidator(TrustSettings settings, TrustList trustList, ReplayGuard replayGuard, Clock clock) {
        this.settings = settings;
        this.signerTrust = new SignerTrust(trustList, clock);
        this.replayGuard = replayGuard;
        this.clock = clock;
        this.headerLimits = new HardenedXml(new XmlLimits(Integer.MAX_VALUE, 64, 32, settings.maxHeaderElements()));
    }

    /** Validates the assertions of a parsed SOAP envelope. */
    public Validation validate(Document envelope, Transaction transaction, String patientId) {
        return validate(envelope.getDocumentElement(), transaction, patientId);
    }

    /**
     * Validates the assertions found in {@code container} (envelope, Header, Security, a bare assertion, or a
     * parent of assertions). {@code patientId} may be null only for transactions that need no TRC assertion.
     */
    public Validation validate(Element container, Transaction transaction, String patientId) {
        return run(container, transaction, Optional.ofNullable(patientId), false, new ArrayList<>());
    }

    /**
     * Validates like {@link #validate} and returns every check, for the operator. Without a patient id the TRC
     * patient is reported but not compared.
     */
    public Diagnosis diagnose(Element container, Transaction transaction, Optional<String> patientId) {
        List<Check> checks = new ArrayList<>();
        Validation validation = run(container, transaction, patientId, true, checks);
        return new Diagnosis(validation, checks);
    }

    private Validation run(Element container, Transaction transaction, Optional<String> patientId,
            boolean patientOptional, List<Check> checks) {
        Checks log = new Checks(checks);
        try {
            return verify(container, transaction, patientId, patientOptional, log);
        } catch (Refused refused) {
            log.fail(refused.check, refused.reason);
            return new Refusal(refused.error, refused.check, refused.reason);
        }
    }

    private VerifiedRequester verify(Element container, Transaction transaction, Optional<String> patientId,
            boolean patientOptional, Checks log) throws Refused {
        Instant now = clock.instant();
        AccessRule rule = settings.accessRules().rule(transaction);

        Located located = locate(container);
        log.pass("header", located.assertions().size() + " assertion(s) in the Security header");

        List<SamlAssertion> assertions = new ArrayList<>();
        for (Element element : located.assertions()) {
            try {
                assertions.add(reader.read(element));
            } catch (MalformedAssertionException e) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure", e.getMessage());
            }
        }
        SamlAssertion hcp = single(assertions, AssertionKind.HCP, true);
        SamlAssertion trc = single(assertions, AssertionKind.TRC, false);
        SamlAssertion nok = single(assertions, AssertionKind.NOK, false);
        log.pass("structure", "HCP" + (trc != null ? " + TRC" : "") + (nok != null ? " + NoK" : "")
                + ", SAML 2.0, no comments");
        if (rule.treatmentConfirmationRequired() && trc == null) {
            throw new Refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "structure",
                    transaction + " requires a TRC assertion");
        }

        Document document = container.getOwnerDocument();
        for (SamlAssertion assertion : assertions) {
            int uses = IdAttributes.uses(document, assertion.id());
            if (uses != 1) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "unique-id",
                        "the " + assertion.kind() + " assertion ID occurs " + uses + " times in the message");
            }
        }
        log.pass("unique-id", "every assertion ID occurs once in the message");

        String country = null;
        for (SamlAssertion assertion : assertions) {
            X509Certificate signer;
            try {
                signer = signatures.verify(assertion.element(), "ID");
            } catch (SignatureRefusedException e) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                        assertion.kind() + " assertion: " + e.getMessage());
            }
            log.pass("signature", assertion.kind() + " assertion signed by "
                    + signer.getSubjectX500Principal().getName());
            String claimed = assertion.issuerCountry()
                    .or(() -> CertificateCountry.of(signer.getSubjectX500Principal()))
                    .orElseThrow(() -> new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                            "neither the issuer nor the signer certificate names a country"));
            if (country != null && !country.equals(claimed)) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                        "the assertions come from different countries (" + country + ", " + claimed + ")");
            }
            country = claimed;
            SignerVerdict verdict = signerTrust.decide(signer, claimed, now);
            if (verdict instanceof SignerVerdict.Untrusted untrusted) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                        assertion.kind() + " assertion: " + untrusted.reason());
            }
            SignerVerdict.Trusted trusted = (SignerVerdict.Trusted) verdict;
            log.pass("trust-list", assertion.kind() + " signer trusted for " + claimed + " through "
                    + trusted.anchor().source().getFileName());
        }

        for (SamlAssertion assertion : assertions) {
            checkTimes(assertion, now);
            checkConfirmationAndAudience(assertion);
        }
        log.pass("validity", "issued, not before and not on or after within " + settings.clockSkew().toSeconds()
                + " s skew; lifetimes within limits");
        log.pass("subject-confirmation", "sender-vouches, audience " + String.join(", ", settings.audiences()));

        HcpIdentity identity;
        try {
            identity = HcpIdentity.from(hcp);
        } catch (MalformedAssertionException e) {
            throw new Refused(EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, "hcp-identity", e.getMessage());
        }
        log.pass("hcp-identity", "role " + identity.roleCode() + " (" + identity.xspaRole() + "), organisation "
                + identity.organisationId() + ", purpose " + identity.purposeOfUse());

        PurposeOfUse purpose = identity.purposeOfUse();
        Optional<String> treatedPatient = Optional.empty();
        if (trc != null) {
            TreatmentConfirmation confirmation;
            try {
                confirmation = TreatmentConfirmation.from(trc);
            } catch (MalformedAssertionException e) {
                throw new Refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding", e.getMessage());
            }
            if (!confirmation.hcpAssertionId().equals(hcp.id())) {
                throw new Refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding",
                        "the TRC assertion is bound to another HCP assertion");
            }
            if (!confirmation.practitionerId().equals(hcp.subjectNameId())) {
                throw new Refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding",
                        "the TRC assertion names another practitioner than the HCP assertion");
            }
            log.pass("trc-binding", "TRC AssertionIDRef is the HCP assertion ID");
            if (patientId.isPresent()) {
                if (!PatientIdentifiers.same(confirmation.patientId(), patientId.get())) {
                    throw new Refused(EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient",
                            "the request is about another patient than the TRC assertion");
                }
                log.pass("trc-patient", "the TRC patient is the request's patient");
            } else if (patientOptional) {
                log.pass("trc-patient", "not compared: no patient given");
            } else {
                throw new Refused(EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient",
                        "the request names no patient to compare with the TRC assertion");
            }
            treatedPatient = Optional.of(confirmation.patientId());
            purpose = confirmation.purposeOfUse();
            if (!rule.purposes().contains(confirmation.purposeOfUse())) {
                throw new Refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                        "purpose of use " + confirmation.purposeOfUse() + " is not allowed for " + transaction);
            }
        }

        Optional<NextOfKin> nextOfKin = Optional.empty();
        if (nok != null) {
            try {
                NextOfKin kin = NextOfKin.from(nok);
                if (kin.hcpAssertionId().isPresent() && !kin.hcpAssertionId().get().equals(hcp.id())) {
                    throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "nok-binding",
                            "the next-of-kin assertion is bound to another HCP assertion");
                }
                nextOfKin = Optional.of(kin);
                log.pass("nok-binding", "next-of-kin assertion read");
            } catch (MalformedAssertionException e) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "nok-binding", e.getMessage());
            }
        }

        if (!rule.allowsRole(identity.roleCode())) {
            throw new Refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "role " + (identity.roleCode().isBlank() ? identity.xspaRole() : identity.roleCode())
                            + " may not call " + transaction);
        }
        if (!rule.allowsAnyPermission(identity.permissions())) {
            throw new Refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "none of the permissions " + rule.anyPermission() + " needed for " + transaction);
        }
        if (!rule.purposes().contains(identity.purposeOfUse())) {
            throw new Refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "purpose of use " + identity.purposeOfUse() + " is not allowed for " + transaction);
        }
        log.pass("access-rule", transaction + " allowed for role " + identity.roleCode() + " and purpose " + purpose);

        Instant expiry = assertions.stream().map(SamlAssertion::notOnOrAfter).min(Instant::compareTo).orElseThrow();
        Instant guardUntil = hcp.notOnOrAfter().plus(settings.clockSkew());
        // One call for all ids of the request: the guard's store records them in one round trip.
        List<ReplayGuard.Use> uses = new ArrayList<>();
        located.messageId().ifPresent(id -> uses.add(new ReplayGuard.Use("message:" + id, guardUntil)));
        int firstAssertion = uses.size();
        if (settings.oneUseAssertions()) {
            for (SamlAssertion assertion : assertions) {
                uses.add(new ReplayGuard.Use("assertion:" + assertion.id(),
                        assertion.notOnOrAfter().plus(settings.clockSkew())));
            }
        }
        OptionalInt replayed = uses.isEmpty() ? OptionalInt.empty() : replayGuard.firstUseOfAll(uses);
        if (replayed.isPresent()) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "replay",
                    replayed.getAsInt() < firstAssertion ? "the message id was already used"
                            : "the " + assertions.get(replayed.getAsInt() - firstAssertion).kind()
                                    + " assertion was already used");
        }
        log.pass("replay", "first use of " + (settings.oneUseAssertions() ? "the assertion ids and " : "")
                + "the message id");

        return new VerifiedRequester(identity.practitionerId(), identity.practitionerName(), identity.organisation(),
                identity.organisationId(), country, identity.xspaRole(), identity.roleCode(), purpose,
                identity.permissions(), identity.pointOfCare(), identity.facilityType(), treatedPatient, hcp.id(),
                Optional.ofNullable(trc).map(SamlAssertion::id), nextOfKin, expiry);
    }

    private record Located(List<Element> assertions, Optional<String> messageId) {
    }

    private Located locate(Element container) throws Refused {
        Document owner = container.getOwnerDocument();
        if (owner != null && owner.getDoctype() != null) {
            throw new Refused(EhdsiError.ERROR_SEC_GENERIC, "header", "a DOCTYPE is not allowed");
        }
        Element header = null;
        Element security;
        if (is(container, AssertionReader.SAML_NS, "Assertion")) {
            checkSize(container);
            return new Located(List.of(container), Optional.empty());
        }
        if (isEnvelope(container)) {
            List<Element> headers = children(container, container.getNamespaceURI(), "Header");
            if (headers.size() != 1) {
                throw new Refused(EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "header",
                        "the envelope has no single SOAP Header");
            }
            header = headers.get(0);
        } else if ("Header".equals(container.getLocalName())
                && (SOAP12_NS.equals(container.getNamespaceURI()) || SOAP11_NS.equals(container.getNamespaceURI()))) {
            header = container;
        }
        if (is(container, WSSE_NS, "Security")) {
            security = container;
        } else {
            Element parent = header != null ? header : container;
            List<Element> securities = children(parent, WSSE_NS, "Security");
            if (securities.size() > 1) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header",
                        "the message has more than one Security header");
            }
            security = securities.isEmpty() ? (header == null ? container : null) : securities.get(0);
        }
        if (security == null) {
            throw new Refused(EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "header",
                    "the message has no WS-Security header");
        }
        checkSize(security);
        List<Element> assertions = children(security, AssertionReader.SAML_NS, "Assertion");
        int everywhere = security.getElementsByTagNameNS(AssertionReader.SAML_NS, "Assertion").getLength();
        if (everywhere != assertions.size()) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header",
                    "an assertion is nested where none belongs (wrapping)");
        }
        if (assertions.isEmpty()) {
            throw new Refused(EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "header",
                    "no SAML assertion was received");
        }
        Optional<String> messageId = Optional.empty();
        if (header != null) {
            List<Element> ids = children(header, WSA_NS, "MessageID");
            if (ids.size() > 1) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "header",
                        "the message has more than one MessageID");
            }
            messageId = ids.stream().findFirst().map(e -> e.getTextContent().trim()).filter(s -> !s.isEmpty());
        }
        return new Located(assertions, messageId);
    }

    private void checkSize(Element security) throws Refused {
        try {
            headerLimits.inspect(security);
        } catch (UnsafeXmlException e) {
            throw new Refused(EhdsiError.ERROR_SEC_GENERIC, "header", "Security header refused: " + e.getMessage());
        }
        long characters = 0;
        Deque<Node> pending = new ArrayDeque<>();
        pending.push(security);
        while (!pending.isEmpty()) {
            Node node = pending.pop();
            if (node.getNodeType() == Node.TEXT_NODE || node.getNodeType() == Node.CDATA_SECTION_NODE) {
                characters += node.getNodeValue().length();
            }
            NamedNodeMap attributes = node.getAttributes();
            if (attributes != null) {
                for (int i = 0; i < attributes.getLength(); i++) {
                    characters += attributes.item(i).getNodeValue().length();
                }
            }
            if (characters > settings.maxHeaderCharacters()) {
                throw new Refused(EhdsiError.ERROR_SEC_GENERIC, "header",
                        "the Security header exceeds " + settings.maxHeaderCharacters() + " characters");
            }
            for (Node child = node.getFirstChild(); child != null; child = child.getNextSibling()) {
                pending.push(child);
            }
        }
    }

    private static SamlAssertion single(List<SamlAssertion> assertions, AssertionKind kind, boolean required)
            throws Refused {
        List<SamlAssertion> found = assertions.stream().filter(a -> a.kind() == kind).toList();
        if (found.size() > 1) {
            throw new Refused(kind == AssertionKind.TRC ? EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION
                    : EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "structure",
                    "more than one " + kind + " assertion");
        }
        if (found.isEmpty() && required) {
            throw new Refused(EhdsiError.ERROR_HPI_AUTHENTICATION_NOT_RECEIVED, "structure",
                    "no HCP identity assertion was received");
        }
        return found.isEmpty() ? null : found.get(0);
    }

    private void checkTimes(SamlAssertion assertion, Instant now) throws Refused {
        Duration skew = settings.clockSkew();
        String kind = assertion.kind().toString();
        if (assertion.issueInstant().isAfter(now.plus(skew))) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the " + kind + " assertion is issued in the future");
        }
        if (assertion.notBefore().isAfter(now.plus(skew))) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the " + kind + " assertion is not valid yet");
        }
        if (!now.minus(skew).isBefore(assertion.notOnOrAfter())) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the " + kind + " assertion has expired");
        }
        if (!assertion.notBefore().isBefore(assertion.notOnOrAfter())) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the " + kind + " assertion's validity period is empty");
        }
        Duration max = switch (assertion.kind()) {
            case HCP -> settings.maxHcpLifetime();
            case TRC -> settings.maxTrcLifetime();
            case NOK -> settings.maxNokLifetime();
        };
        Instant start = assertion.issueInstant().isBefore(assertion.notBefore())
                ? assertion.issueInstant() : assertion.notBefore();
        if (Duration.between(start, assertion.notOnOrAfter()).compareTo(max.plus(skew)) > 0) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "validity",
                    "the " + kind + " assertion lives longer than " + max.toMinutes() + " minutes");
        }
    }

    private void checkConfirmationAndAudience(SamlAssertion assertion) throws Refused {
        if (assertion.confirmationMethods().size() != 1
                || !EhdsiAttributes.SENDER_VOUCHES.equals(assertion.confirmationMethods().get(0))) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "subject-confirmation",
                    "the " + assertion.kind() + " assertion must be confirmed by sender-vouches only");
        }
        if (assertion.audiences().stream().noneMatch(settings.audiences()::contains)) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "subject-confirmation",
                    "the " + assertion.kind() + " assertion is not meant for the cross-border audience");
        }
    }

    private static boolean isEnvelope(Element element) {
        return "Envelope".equals(element.getLocalName())
                && (SOAP12_NS.equals(element.getNamespaceURI()) || SOAP11_NS.equals(element.getNamespaceURI()));
    }

    private static boolean is(Element element, String namespace, String localName) {
        return namespace.equals(element.getNamespaceURI()) && localName.equals(element.getLocalName());
    }

    private static List<Element> children(Element parent, String namespace, String localName) {
        List<Element> found = new ArrayList<>();
        for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
            if (child instanceof Element element && is(element, namespace, localName)) {
                found.add(element);
            }
        }
        return found;
    }

    /** A failed check; carried up to {@link #run} and turned into a {@link Refusal}. */
    private static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final transient EhdsiError error;
        private final String check;
        private final String reason;

        Refused(EhdsiError error, String check, String reason) {
            super(reason, null, false, false);
            this.error = error;
            this.check = check;
            this.reason = reason;
        }
    }

    private record Checks(List<Check> sink) {
        void pass(String name, String detail) {
            sink.add(new Check(name, true, detail));
        }

        void fail(String name, String detail) {
            sink.add(new Check(name, false, detail));
        }
    }
}
