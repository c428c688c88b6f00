package fr.passerelle.gateway.load;

import java.nio.charset.StandardCharsets;
import java.util.regex.Pattern;

/** How an answer of one road is judged: success, clean refusal in the protocol's shape, or broken. */
public enum Protocol {
    SOAP {
        @Override
        public Outcome judge(String kind, int status, byte[] body) {
            String text = new String(body, StandardCharsets.ISO_8859_1);
            if (STACK_TRACE.matcher(text).find()) {
                return Outcome.BROKEN;
            }
            boolean envelope = text.contains("http://www.w3.org/2003/05/soap-envelope");
            if (status == 200 && envelope && success(kind, text)) {
                return Outcome.SUCCESS;
            }
            // SOAP 1.2 carries faults with HTTP 500 (receiver) or 400 (sender); eHDSI refusals come as 200 with a
            // Failure status, a RegistryError or an HL7 AE acknowledgement.
            boolean fault = envelope && SOAP_FAULT.matcher(text).find();
            boolean refusal = status == 200 && envelope && (text.contains("ResponseStatusType:Failure")
                    || text.contains("ResponseStatusType:PartialSuccess") || text.contains("RegistryError")
                    || HL7_AE.matcher(text).find());
            return fault || refusal ? Outcome.REFUSED : Outcome.BROKEN;
        }

        private boolean success(String kind, String text) {
            return kind.equals("xcpd") ? HL7_AA.matcher(text).find()
                    : text.contains("ResponseStatusType:Success") && !text.contains("RegistryError");
        }
    },
    FHIR {
        @Override
        public Outcome judge(String kind, int status, byte[] body) {
            String text = new String(body, StandardCharsets.UTF_8);
            if (STACK_TRACE.matcher(text).find()) {
                return Outcome.BROKEN;
            }
            if (status == 200 && text.contains("\"resourceType\"") && !OUTCOME.matcher(text).find()) {
                return Outcome.SUCCESS;
            }
            return status >= 400 && OUTCOME.matcher(text).find() ? Outcome.REFUSED : Outcome.BROKEN;
        }
    };

    /** A Java stack frame or a nested cause: what a client must never see. */
    static final Pattern STACK_TRACE = Pattern.compile("\\bat [\\w$]+(\\.[\\w$<>]+)+\\([\\w$]+\\.java:\\d+\\)|Caused by: ");
    private static final Pattern SOAP_FAULT = Pattern.compile("<(\\w+:)?Fault[\\s>]");
    private static final Pattern HL7_AA = Pattern.compile("typeCode\\s+code=\"AA\"");
    private static final Pattern HL7_AE = Pattern.compile("typeCode\\s+code=\"A[ER]\"");
    private static final Pattern OUTCOME = Pattern.compile("\"resourceType\"\\s*:\\s*\"OperationOutcome\"");

    public abstract Outcome judge(String kind, int status, byte[] body);
}
