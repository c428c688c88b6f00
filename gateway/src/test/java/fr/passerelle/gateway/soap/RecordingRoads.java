package fr.passerelle.gateway.soap;

import fr.passerelle.gateway.xca.DocumentQuery;
import fr.passerelle.gateway.xca.DocumentQueryOutcome;
import fr.passerelle.gateway.xca.DocumentQueryRoad;
import fr.passerelle.gateway.xca.DocumentRetrieveRoad;
import fr.passerelle.gateway.xca.RetrieveOutcome;
import fr.passerelle.gateway.xca.RetrieveRequest;
import fr.passerelle.gateway.xcpd.PatientDiscoveryOutcome;
import fr.passerelle.gateway.xcpd.PatientDiscoveryQuery;
import fr.passerelle.gateway.xcpd.PatientDiscoveryRoad;
import fr.passerelle.gateway.xdr.DispensationOutcome;
import fr.passerelle.gateway.xdr.DispensationRoad;
import fr.passerelle.gateway.xdr.DispensationSubmission;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/**
 * Test-only roads: each records what the endpoint handed it (security header and typed request) and answers what
 * the test programmed. Primary, so that they win over the real roads once those are wired.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RecordingRoads {

    /** One recording road. */
    public static final class Recorder<Q, R> {
        private final AtomicReference<Function<Q, R>> answer = new AtomicReference<>();
        private final AtomicReference<RequestSecurity> lastSecurity = new AtomicReference<>();
        private final AtomicReference<Q> lastRequest = new AtomicReference<>();

        public void answer(Function<Q, R> programmed) {
            lastSecurity.set(null);
            lastRequest.set(null);
            answer.set(programmed);
        }

        R respond(RequestSecurity security, Q request) {
            lastSecurity.set(security);
            lastRequest.set(request);
            Function<Q, R> programmed = answer.get();
            if (programmed == null) {
                throw new IllegalStateException("The test did not program this road");
            }
            return programmed.apply(request);
        }

        public RequestSecurity lastSecurity() {
            return lastSecurity.get();
        }

        public Q lastRequest() {
            return lastRequest.get();
        }
    }

    public static final Recorder<PatientDiscoveryQuery, PatientDiscoveryOutcome> DISCOVERY = new Recorder<>();
    public static final Recorder<DocumentQuery, DocumentQueryOutcome> QUERY = new Recorder<>();
    public static final Recorder<RetrieveRequest, RetrieveOutcome> RETRIEVE = new Recorder<>();
    public static final Recorder<DispensationSubmission, DispensationOutcome> DISPENSATION = new Recorder<>();

    @Bean
    @Primary
    PatientDiscoveryRoad recordingDiscoveryRoad() {
        return DISCOVERY::respond;
    }

    @Bean
    @Primary
    DocumentQueryRoad recordingQueryRoad() {
        return QUERY::respond;
    }

    @Bean
    @Primary
    DocumentRetrieveRoad recordingRetrieveRoad() {
        return RETRIEVE::respond;
    }

    @Bean
    @Primary
    DispensationRoad recordingDispensationRoad() {
        return DISPENSATION::respond;
    }
}
