package fr.passerelle.gateway.healthspace.dmp;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.dmp.*}: where the DMP is, the organisation certificate used for mutual TLS and to sign the VIHF,
 * the gateway's own identity as the DMP knows it, and the resilience settings. Read only when
 * {@code passerelle.health-space=dmp}.
 *
 * @param registryUrl       ITI-18 endpoint
 * @param repositoryUrl     ITI-43 and ITI-41 endpoint
 * @param patientServiceUrl TD0.2 patient check endpoint
 */
@ConfigurationProperties("passerelle.dmp")
public record DmpProperties(String registryUrl, String repositoryUrl, String patientServiceUrl,
                            @DefaultValue Tls tls, @DefaultValue Identity identity,
                            @DefaultValue Resilience resilience) {

    /** Checks what a DMP connection cannot do without; called when the DMP implementation is selected. */
    public void requireComplete() {
        require(registryUrl, "passerelle.dmp.registry-url");
        require(repositoryUrl, "passerelle.dmp.repository-url");
        require(patientServiceUrl, "passerelle.dmp.patient-service-url");
        require(tls.keyStore(), "passerelle.dmp.tls.key-store");
        require(identity.structureId(), "passerelle.dmp.identity.structure-id");
        require(identity.softwareHomologation(), "passerelle.dmp.identity.software-homologation");
    }

    private static void require(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(name + " must be set when passerelle.health-space=dmp");
        }
    }

    /**
     * The organisation (IGC-Santé "personne morale") certificate: authenticates the TLS connection and signs the VIHF.
     *
     * @param keyAlias   the entry of the key store to use (the only one when null)
     * @param trustStore the DMP's CA certificates; the JDK's default trust when null
     */
    public record Tls(String keyStore, @DefaultValue("PKCS12") String keyStoreType, String keyStorePassword,
                      String keyAlias, String keyPassword, String trustStore,
                      @DefaultValue("PKCS12") String trustStoreType, String trustStorePassword) {

        @Override
        public String toString() {
            return "Tls[" + keyStore + ", alias " + keyAlias + ", trust " + trustStore + "]";
        }
    }

    /**
     * How Passerelle presents itself in the VIHF and in submitted metadata. Values a national agreement must fix are
     * listed in docs/dmp-connector.md.
     *
     * @param structureId            Identifiant_Structure (Struct_IdNat of the NCP's organisation)
     * @param structureName          the organisation's name (authorInstitution)
     * @param activitySector         Secteur_Activite (JDV_J61), and the healthcare facility type of submissions
     * @param practiceSetting        practiceSettingCode of submitted documents (1.2.250.1.213.1.1.4.9)
     * @param sourceId               OID of Passerelle as XDS source (submission set sourceId)
     * @param uniqueIdRoot           OID under which Passerelle numbers its submission sets
     * @param professions            ISCO-08 code prefix of the foreign professional → TRE_G15 profession code
     * @param specialties            TRE_G15 profession → specialty code as {@code code^codeSystem} (doctors,
     *                               pharmacists: the VIHF's second role)
     */
    public record Identity(String structureId, @DefaultValue("NCPeH France") String structureName,
                           @DefaultValue("SA29") String activitySector,
                           @DefaultValue("AUTRE") String practiceSetting, String sourceId, String uniqueIdRoot,
                           @DefaultValue("Passerelle") String softwareName,
                           @DefaultValue("0.1.0") String softwareVersion, String softwareHomologation,
                           Map<String, String> professions, Map<String, String> specialties) {

        public Identity {
            professions = professions == null || professions.isEmpty() ? DEFAULT_PROFESSIONS : Map.copyOf(professions);
            specialties = specialties == null || specialties.isEmpty() ? DEFAULT_SPECIALTIES : Map.copyOf(specialties);
        }

        /** ISCO-08 → TRE_G15: doctors, pharmacists, nurses, midwives, dentists. */
        static final Map<String, String> DEFAULT_PROFESSIONS = Map.of(
                "221", "10", "2262", "21", "2221", "60", "2222", "50", "2261", "40");
        /**
         * A foreign doctor's specialty is unknown to France: "qualified in general medicine" (TRE_R01
         * G15_10/SM26) until the national agreement fixes it. Pharmacists have no default (their TRE_G05 section
         * must be agreed); the VIHF then carries the profession only.
         */
        static final Map<String, String> DEFAULT_SPECIALTIES = Map.of("10", "G15_10/SM26^1.2.250.1.213.1.1.4.5");
    }

    /**
     * Timeouts, bulkhead, circuit breaker and retry settings of DMP calls.
     *
     * @param maxConcurrentCalls      bulkhead: DMP calls in flight at once
     * @param maxWaitForPermit        bulkhead: how long a call may wait for a slot before failing BUSY
     * @param failureRateThreshold    percentage of failed calls in the window that opens the circuit
     * @param slidingWindowSize       calls in the circuit breaker's count-based window
     * @param minimumCalls            calls before the failure rate is judged
     * @param openDuration            how long the circuit stays open before letting trial calls through
     * @param halfOpenCalls           trial calls in the half-open state
     * @param maxAttempts             attempts of an idempotent call (1 = no retry)
     * @param retryWait               pause between attempts
     */
    public record Resilience(@DefaultValue("2s") Duration connectTimeout, @DefaultValue("8s") Duration readTimeout,
                             @DefaultValue("16") int maxConcurrentCalls,
                             @DefaultValue("200ms") Duration maxWaitForPermit,
                             @DefaultValue("50") float failureRateThreshold,
                             @DefaultValue("20") int slidingWindowSize, @DefaultValue("10") int minimumCalls,
                             @DefaultValue("30s") Duration openDuration, @DefaultValue("3") int halfOpenCalls,
                             @DefaultValue("2") int maxAttempts, @DefaultValue("200ms") Duration retryWait) {

        public Resilience {
            Objects.requireNonNull(connectTimeout, "connectTimeout");
            Objects.requireNonNull(readTimeout, "readTimeout");
            if (maxAttempts < 1) {
                throw new IllegalArgumentException("passerelle.dmp.resilience.max-attempts must be at least 1");
            }
        }

        /** The longest a caller can be held by one DMP operation (all attempts, pauses and the wait for a slot). */
        public Duration worstCase() {
            Duration oneAttempt = connectTimeout.plus(readTimeout);
            return maxWaitForPermit.plus(oneAttempt.multipliedBy(maxAttempts))
                    .plus(retryWait.multipliedBy(maxAttempts - 1L));
        }
    }
}
