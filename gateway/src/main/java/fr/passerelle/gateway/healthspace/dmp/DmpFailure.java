package fr.passerelle.gateway.healthspace.dmp;

import fr.passerelle.gateway.ehdsi.ExchangeError;
import fr.passerelle.gateway.healthspace.DocumentKind;
import fr.passerelle.gateway.healthspace.HealthSpaceUnavailableException;
import java.util.Objects;

/**
 * The DMP could not answer a call. Carries what went wrong ({@link Kind}) and the operation, never patient data,
 * so a road can turn it into the eHDSI error of its transaction ({@link #ehdsiCode()}) without reading the message.
 */
public class DmpFailure extends HealthSpaceUnavailableException {

    /** What went wrong, in the terms the resilience rules and the error mapping need. */
    public enum Kind {
        /** No answer within the read timeout (or the connection could not be opened in time). */
        TIMEOUT(true),
        /** Connection refused or reset. */
        UNREACHABLE(true),
        /** The TLS handshake failed (certificate refused, untrusted server). */
        TLS(true),
        /** An HTTP error status without a SOAP answer. */
        HTTP_ERROR(true),
        /** A SOAP fault. */
        SOAP_FAULT(true),
        /** The answer is not the XML the transaction defines. */
        MALFORMED_RESPONSE(true),
        /** The registry answered with a Failure status: an internal error, or a code Passerelle does not know. */
        REGISTRY_ERROR(false),
        /** The registry or repository answered that it is unavailable, busy or out of resources. */
        REGISTRY_UNAVAILABLE(true),
        /** The registry or repository has no such document (or no longer serves it). */
        DOCUMENT_MISSING(false),
        /** The DMP rejected the request itself (metadata, query parameters): a defect on Passerelle's side. */
        REQUEST_REJECTED(false),
        /** The DMP refused the access (VIHF, patient's opposition, blocked professional, closed DMP). */
        ACCESS_REFUSED(false),
        /** A retrieved document does not match the hash or size its metadata announced. */
        INTEGRITY(false),
        /** The circuit breaker is open: the DMP failed too often, calls are refused without trying. */
        CIRCUIT_OPEN(false),
        /** Too many concurrent DMP calls: refused instead of queueing. */
        BUSY(false),
        /** The call carries no verified requester to build the VIHF from. */
        NO_REQUESTER(false);

        private final boolean countsAgainstDmp;

        Kind(boolean countsAgainstDmp) {
            this.countsAgainstDmp = countsAgainstDmp;
        }

        /** Whether this failure says the DMP is unhealthy (recorded by the circuit breaker, retried for reads). */
        public boolean countsAgainstDmp() {
            return countsAgainstDmp;
        }
    }

    private final Kind kind;
    private final DmpOperation operation;

    public DmpFailure(Kind kind, DmpOperation operation, String message) {
        this(kind, operation, message, null);
    }

    public DmpFailure(Kind kind, DmpOperation operation, String message, Throwable cause) {
        super(operation + " " + kind + ": " + message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.operation = Objects.requireNonNull(operation, "operation");
    }

    public Kind kind() {
        return kind;
    }

    @Override
    public boolean refusedAccess() {
        return kind == Kind.ACCESS_REFUSED;
    }

    public DmpOperation operation() {
        return operation;
    }

    /** E.g. {@code DMP_TIMEOUT:FIND_DOCUMENTS} (at most 43 characters). */
    @Override
    public String auditReason() {
        return "DMP_" + kind + ":" + operation;
    }

    /**
     * The eHDSI error of the one catalogue ({@link ExchangeError}) for this failure when the operation alone is known:
     * an access refusal is {@code 4703}; otherwise the generic error of the eHDSI service the operation serves
     * (OpenNCP's {@code ERROR_PI_GENERIC} for the patient check, {@code ERROR_ED_GENERIC} for the dispensation
     * written, {@code ERROR_ED_DISCARD_FAILED} for the deletion of a discarded one, {@code ERROR_GENERIC} for a read
     * of documents of no known kind).
     */
    public ExchangeError ehdsiCode() {
        if (kind == Kind.ACCESS_REFUSED) {
            return ExchangeError.ERROR_INSUFFICIENT_RIGHTS;
        }
        return switch (operation) {
            case PATIENT_CHECK -> ExchangeError.ERROR_PI_GENERIC;
            case PROVIDE_AND_REGISTER -> ExchangeError.ERROR_ED_GENERIC;
            case UPDATE_DOCUMENT_SET -> ExchangeError.ERROR_ED_DISCARD_FAILED;
            case FIND_DOCUMENTS, GET_DOCUMENTS, RETRIEVE_DOCUMENT -> ExchangeError.ERROR_GENERIC;
        };
    }

    /**
     * The error when the road knows which kind of document it was serving: {@code ERROR_PS_GENERIC},
     * {@code ERROR_EP_REGISTRY_NOT_ACCESSIBLE} (4103: the ePrescription registry could not be read) or
     * {@code ERROR_ED_GENERIC}.
     */
    public ExchangeError ehdsiCode(DocumentKind served) {
        if (kind == Kind.ACCESS_REFUSED || operation == DmpOperation.PATIENT_CHECK
                || operation == DmpOperation.UPDATE_DOCUMENT_SET) {
            return ehdsiCode();
        }
        return switch (served) {
            case PATIENT_SUMMARY -> ExchangeError.ERROR_PS_GENERIC;
            case EPRESCRIPTION -> ExchangeError.ERROR_EP_REGISTRY_NOT_ACCESSIBLE;
            case EDISPENSATION -> ExchangeError.ERROR_ED_GENERIC;
            case LABORATORY_RESULT, HOSPITAL_DISCHARGE_REPORT, MEDICAL_IMAGING_REPORT -> ExchangeError.ERROR_GENERIC;
        };
    }
}
