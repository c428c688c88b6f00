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
import fr.passerelle.trust.xml.IdAttributes;
import fr.passerelle.trust.xml.SignatureRefusedException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * Decides whether to believe the assertions of a cross-border request. Independent of CXF and HAPI: give it
 * the SOAP envelope DOM, its Header, the {@code wsse:Security} element, a bare assertion, or any element whose
 * children are the assertions (the FHIR road decodes its base64 headers into one), the transaction called and
 * the patient the request is about. Thread-safe.
 * <p>
 * The decision ({@code verify}) is this list of checks, in this order; each is one method below and refuses
 * with its own eHDSI code (table in trust/README.md). The first check that fails is the answer, so the order is
 * itself security behaviour:
 * <ol>
 * <li>{@code header} ({@code SecurityHeader}): no DOCTYPE, one SOAP Header, one Security header within the size
 *     limits, assertions only as its direct children, at most one MessageID. First, and the size before anything
 *     reads further: every later check walks this DOM, which nobody has vouched for yet.</li>
 * <li>{@code structure}: each assertion read (SAML 2.0, known kind, no comment), exactly one HCP, at most one TRC
 *     and one NoK. Syntax only, nothing believed yet: the next checks need to know which element is which
 *     assertion. Comments are refused here because the signature, which ignores them, cannot.</li>
 * <li>{@code unique-id}: each assertion ID once in the whole message. Before the signature: a second element
 *     with the same ID is how signature wrapping gets another element verified than the one read.</li>
 * <li>{@code signature}: the enveloped signature covers exactly that assertion. Before any claim is looked at:
 *     every check below reads claims, worth only what their signer is.</li>
 * <li>{@code trust-list}: the signer chains to the trust list of the country the assertion claims; all the
 *     assertions come from one country. Steps 4 and 5 run for each assertion in turn (HCP, then the next), so a
 *     refusal names the first assertion that fails.</li>
 * <li>{@code validity}: issue and validity times within the clock skew, lifetimes within their maximum. Signed
 *     claims, so after the signer is trusted; before the identity, so an expired assertion is refused as such,
 *     whatever it claims.</li>
 * <li>{@code subject-confirmation}: sender-vouches only and our audience. Steps 6 and 7 run for each assertion
 *     in turn, like 4 and 5.</li>
 * <li>{@code hcp-identity}: the HCP claims the access rule needs, present and single-valued.</li>
 * <li>{@code trc-required}: a TRC when the transaction requires one. After the signatures: a believed practitioner
 *     who confirms no treatment is refused for rights (1002), not for an assertion that cannot be believed.</li>
 * <li>{@code trc-binding} (with a TRC): the TRC names this HCP assertion and its practitioner. Before the TRC's
 *     patient is compared: a TRC confirms a treatment only for the practitioner it is bound to.</li>
 * <li>{@code trc-patient} (with a TRC): the TRC's patient is the request's patient.</li>
 * <li>{@code access-rule} (with a TRC): the TRC's purpose of use is allowed for the transaction.</li>
 * <li>{@code nok-binding} (with a NoK): bound to this HCP assertion when it names one.</li>
 * <li>{@code access-rule}: the HCP's role, then permissions, then purpose allow the transaction.</li>
 * <li>{@code replay}: the message id and (by default) each assertion id used once, across all nodes. Last,
 *     because it records the ids as used: a request refused for any other reason spends none, and only requests
 *     otherwise believed pay the shared store's round trip.</li>
 * </ol>
 * The permission checks ({@code trc-required}, {@code trc-binding}, {@code trc-patient}, {@code access-rule}) run only
 * on assertions already signed by a trusted NCP, in force and for us: their refusals say what a believed requester
 * may not do ({@link Refusal#requesterBelieved()}), and the roads answer them as business refusals. A replay of a
 * request so refused is refused again the same way, before its ids are looked at; it learns nothing new.
 */
public final class RequestValidator {

    private final TrustSettings settings;
    private final SignerTrust signerTrust;
    private final ReplayGuard replayGuard;
    private final Clock clock;
    private final AssertionReader reader = new AssertionReader();
    private final EnvelopedSignatureVerifier signatures = new EnvelopedSignatureVerifier();
    private final SecurityHeader securityHeader;

    public RequestValidator(TrustSettings settings, TrustList trustList, ReplayGuard replayGuard, Clock clock) {
        this.settings = settings;
        this.signerTrust = new SignerTrust(trustList, clock);
        this.replayGuard = replayGuard;
        this.clock = clock;
        this.securityHeader = new SecurityHeader(settings);
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
        Request request = new Request(container, transaction, settings.accessRules().rule(transaction), patientId,
                patientOptional, clock.instant());
        try {
            return verify(request, log);
        } catch (Refused refused) {
            Refusal refusal = refused.refusal();
            log.fail(refusal.check(), refusal.reason());
            return refusal;
        }
    }

    /** The checks in the order of the class comment (numbers), each refusing by throwing. */
    private VerifiedRequester verify(Request request, Checks log) throws Refused {
        SecurityHeader.Located located = header(request, log);                              // 1
        Parsed parsed = structure(located, log);                                            // 2
        uniqueIds(request, parsed, log);                                                    // 3
        Signed signed = signedByTrustedSigners(request, parsed, log);                       // 4, 5
        inForceAndForUs(request, signed, log);                                              // 6, 7
        HcpIdentity identity = hcpIdentity(signed, log);                                    // 8
        trcWhenRequired(request, signed, log);                                              // 9
        Optional<TreatmentConfirmation> treatment = Optional.empty();
        if (signed.trc().isPresent()) {
            treatment = Optional.of(trcBinding(signed, log));                               // 10
            trcPatient(request, treatment.get(), log);                                      // 11
            trcPurpose(request, treatment.get());                                           // 12
        }
        Optional<NextOfKin> nextOfKin = nokBinding(signed, log);                            // 13
        PurposeOfUse purpose = treatment.map(TreatmentConfirmation::purposeOfUse).orElse(identity.purposeOfUse());
        accessRule(request, identity, purpose, log);                                        // 14
        replay(located, signed, log);                                                       // 15
        return requester(signed, identity, purpose, treatment, nextOfKin);
    }

    /**
     * What the caller asked: the container, the transaction and its access rule, the patient, and the one instant
     * every time check of this request uses.
     */
    private record Request(Element container, Transaction transaction, AccessRule rule, Optional<String> patientId,
            boolean patientOptional, Instant now) {
    }

    /** The assertions read from the header (step 2), not believed yet. */
    private record Parsed(List<SamlAssertion> all, SamlAssertion hcp, Optional<SamlAssertion> trc,
            Optional<SamlAssertion> nok) {
    }

    /**
     * The assertions once their signatures and signers are checked (steps 5-6), and the country they come from.
     * The checks that read claims take this, not {@link Parsed}: none can run before the signatures.
     */
    private record Signed(List<SamlAssertion> all, SamlAssertion hcp, Optional<SamlAssertion> trc,
            Optional<SamlAssertion> nok, String country) {

        Signed(Parsed parsed, String country) {
            this(parsed.all(), parsed.hcp(), parsed.trc(), parsed.nok(), country);
        }
    }

    // 1
    private SecurityHeader.Located header(Request request, Checks log) throws Refused {
        SecurityHeader.Located located = securityHeader.locate(request.container());
        log.pass("header", located.assertions().size() + " assertion(s) in the Security header");
        return located;
    }

    // 2
    private Parsed structure(SecurityHeader.Located located, Checks log) throws Refused {
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
        return new Parsed(List.copyOf(assertions), hcp, Optional.ofNullable(trc), Optional.ofNullable(nok));
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

    // 9: the first permission check.
    private static void trcWhenRequired(Request request, Signed signed, Checks log) throws Refused {
        if (request.rule().treatmentConfirmationRequired() && signed.trc().isEmpty()) {
            throw new Refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-required",
                    request.transaction() + " requires a TRC assertion");
        }
        if (request.rule().treatmentConfirmationRequired()) {
            log.pass("trc-required", "a TRC assertion confirms the treatment");
        }
    }

    // 3
    private static void uniqueIds(Request request, Parsed parsed, Checks log) throws Refused {
        Document document = request.container().getOwnerDocument();
        for (SamlAssertion assertion : parsed.all()) {
            int uses = IdAttributes.uses(document, assertion.id());
            if (uses != 1) {
                throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "unique-id",
                        "the " + assertion.kind() + " assertion ID occurs " + uses + " times in the message");
            }
        }
        log.pass("unique-id", "every assertion ID occurs once in the message");
    }

    // 4, 5: per assertion, its signature then its signer, as a refusal names the first assertion that fails.
    private Signed signedByTrustedSigners(Request request, Parsed parsed, Checks log) throws Refused {
        String country = null;
        for (SamlAssertion assertion : parsed.all()) {
            X509Certificate signer = signature(assertion, log);
            country = trustedCountry(request, assertion, signer, country, log);
        }
        return new Signed(parsed, country);
    }

    // 4
    private X509Certificate signature(SamlAssertion assertion, Checks log) throws Refused {
        X509Certificate signer;
        try {
            signer = signatures.verify(assertion.element(), "ID");
        } catch (SignatureRefusedException e) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "signature",
                    assertion.kind() + " assertion: " + e.getMessage());
        }
        log.pass("signature", assertion.kind() + " assertion signed by " + signer.getSubjectX500Principal().getName());
        return signer;
    }

    // 5: the country the assertion claims, which must be that of the assertions before it (earlier).
    private String trustedCountry(Request request, SamlAssertion assertion, X509Certificate signer, String earlier,
            Checks log) throws Refused {
        String claimed = assertion.issuerCountry()
                .or(() -> CertificateCountry.of(signer.getSubjectX500Principal()))
                .orElseThrow(() -> new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                        "neither the issuer nor the signer certificate names a country"));
        if (earlier != null && !earlier.equals(claimed)) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                    "the assertions come from different countries (" + earlier + ", " + claimed + ")");
        }
        SignerVerdict verdict = signerTrust.decide(signer, claimed, request.now());
        if (verdict instanceof SignerVerdict.Untrusted untrusted) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "trust-list",
                    assertion.kind() + " assertion: " + untrusted.reason());
        }
        SignerVerdict.Trusted trusted = (SignerVerdict.Trusted) verdict;
        log.pass("trust-list", assertion.kind() + " signer trusted for " + claimed + " through "
                + trusted.anchor().source().getFileName());
        return claimed;
    }

    // 6, 7: per assertion, its times then its confirmation and audience.
    private void inForceAndForUs(Request request, Signed signed, Checks log) throws Refused {
        for (SamlAssertion assertion : signed.all()) {
            validity(assertion, request.now());
            subjectConfirmation(assertion);
        }
        log.pass("validity", "issued, not before and not on or after within " + settings.clockSkew().toSeconds()
                + " s skew; lifetimes within limits");
        log.pass("subject-confirmation", "sender-vouches, audience " + String.join(", ", settings.audiences()));
    }

    // 6
    private void validity(SamlAssertion assertion, Instant now) throws Refused {
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

    // 7
    private void subjectConfirmation(SamlAssertion assertion) throws Refused {
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

    // 8
    private static HcpIdentity hcpIdentity(Signed signed, Checks log) throws Refused {
        HcpIdentity identity;
        try {
            identity = HcpIdentity.from(signed.hcp());
        } catch (MalformedAssertionException e) {
            throw new Refused(EhdsiError.ERROR_HPI_INSUFFICIENT_INFORMATION, "hcp-identity", e.getMessage());
        }
        log.pass("hcp-identity", "role " + identity.roleCode() + " (" + identity.xspaRole() + "), organisation "
                + identity.organisationId() + ", purpose " + identity.purposeOfUse());
        return identity;
    }

    // 10
    private static TreatmentConfirmation trcBinding(Signed signed, Checks log) throws Refused {
        TreatmentConfirmation confirmation;
        try {
            confirmation = TreatmentConfirmation.from(signed.trc().orElseThrow());
        } catch (MalformedAssertionException e) {
            throw new Refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding", e.getMessage());
        }
        if (!confirmation.hcpAssertionId().equals(signed.hcp().id())) {
            throw new Refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding",
                    "the TRC assertion is bound to another HCP assertion");
        }
        if (!confirmation.practitionerId().equals(signed.hcp().subjectNameId())) {
            throw new Refused(EhdsiError.ERROR_NOT_VALID_TRC_ASSERTION, "trc-binding",
                    "the TRC assertion names another practitioner than the HCP assertion");
        }
        log.pass("trc-binding", "TRC AssertionIDRef is the HCP assertion ID");
        return confirmation;
    }

    // 11: the operator's diagnosis may give no patient (shown, not compared); a request must name one.
    private static void trcPatient(Request request, TreatmentConfirmation confirmation, Checks log) throws Refused {
        if (request.patientId().isPresent()) {
            if (!PatientIdentifiers.same(confirmation.patientId(), request.patientId().get())) {
                throw new Refused(EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient",
                        "the request is about another patient than the TRC assertion");
            }
            log.pass("trc-patient", "the TRC patient is the request's patient");
        } else if (request.patientOptional()) {
            log.pass("trc-patient", "not compared: no patient given");
        } else {
            throw new Refused(EhdsiError.ERROR_UNKNOWN_PATIENT_IDENTIFIER, "trc-patient",
                    "the request names no patient to compare with the TRC assertion");
        }
    }

    // 12
    private static void trcPurpose(Request request, TreatmentConfirmation confirmation) throws Refused {
        if (!request.rule().purposes().contains(confirmation.purposeOfUse())) {
            throw new Refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "purpose of use " + confirmation.purposeOfUse() + " is not allowed for " + request.transaction());
        }
    }

    // 13
    private static Optional<NextOfKin> nokBinding(Signed signed, Checks log) throws Refused {
        if (signed.nok().isEmpty()) {
            return Optional.empty();
        }
        NextOfKin kin;
        try {
            kin = NextOfKin.from(signed.nok().get());
        } catch (MalformedAssertionException e) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "nok-binding", e.getMessage());
        }
        if (kin.hcpAssertionId().isPresent() && !kin.hcpAssertionId().get().equals(signed.hcp().id())) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "nok-binding",
                    "the next-of-kin assertion is bound to another HCP assertion");
        }
        log.pass("nok-binding", "next-of-kin assertion read");
        return Optional.of(kin);
    }

    // 14: the HCP's purpose is checked even with a TRC; the purpose reported is the TRC's when there is one.
    private static void accessRule(Request request, HcpIdentity identity, PurposeOfUse purpose, Checks log)
            throws Refused {
        AccessRule rule = request.rule();
        if (!rule.allowsRole(identity.roleCode())) {
            throw new Refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "role " + (identity.roleCode().isBlank() ? identity.xspaRole() : identity.roleCode())
                            + " may not call " + request.transaction());
        }
        if (!rule.allowsAnyPermission(identity.permissions())) {
            throw new Refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "none of the permissions " + rule.anyPermission() + " needed for " + request.transaction());
        }
        if (!rule.purposes().contains(identity.purposeOfUse())) {
            throw new Refused(EhdsiError.ERROR_INSUFFICIENT_RIGHTS, "access-rule",
                    "purpose of use " + identity.purposeOfUse() + " is not allowed for " + request.transaction());
        }
        log.pass("access-rule", request.transaction() + " allowed for role " + identity.roleCode() + " and purpose "
                + purpose);
    }

    // 15
    private void replay(SecurityHeader.Located located, Signed signed, Checks log) throws Refused {
        Instant guardUntil = signed.hcp().notOnOrAfter().plus(settings.clockSkew());
        // One call for all ids of the request: the guard's store records them in one round trip.
        List<ReplayGuard.Use> uses = new ArrayList<>();
        located.messageId().ifPresent(id -> uses.add(new ReplayGuard.Use("message:" + id, guardUntil)));
        int firstAssertion = uses.size();
        if (settings.oneUseAssertions()) {
            for (SamlAssertion assertion : signed.all()) {
                uses.add(new ReplayGuard.Use("assertion:" + assertion.id(),
                        assertion.notOnOrAfter().plus(settings.clockSkew())));
            }
        }
        OptionalInt replayed = uses.isEmpty() ? OptionalInt.empty() : replayGuard.firstUseOfAll(uses);
        if (replayed.isPresent()) {
            throw new Refused(EhdsiError.ERROR_SEC_DATA_INTEGRITY_NOT_ENSURED, "replay",
                    replayed.getAsInt() < firstAssertion ? "the message id was already used"
                            : "the " + signed.all().get(replayed.getAsInt() - firstAssertion).kind()
                                    + " assertion was already used");
        }
        log.pass("replay", "first use of " + (settings.oneUseAssertions() ? "the assertion ids and " : "")
                + "the message id");
    }

    /** The requester as believed, until the first of its assertions ends. */
    private static VerifiedRequester requester(Signed signed, HcpIdentity identity, PurposeOfUse purpose,
            Optional<TreatmentConfirmation> treatment, Optional<NextOfKin> nextOfKin) {
        Instant expiry = signed.all().stream().map(SamlAssertion::notOnOrAfter).min(Instant::compareTo).orElseThrow();
        return new VerifiedRequester(identity.practitionerId(), identity.practitionerName(), identity.organisation(),
                identity.organisationId(), signed.country(), identity.xspaRole(), identity.roleCode(), purpose,
                identity.permissions(), identity.pointOfCare(), identity.facilityType(),
                treatment.map(TreatmentConfirmation::patientId), signed.hcp().id(), signed.trc().map(SamlAssertion::id),
                nextOfKin, expiry);
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
