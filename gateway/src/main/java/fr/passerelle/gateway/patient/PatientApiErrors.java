package fr.passerelle.gateway.patient;

import fr.passerelle.gateway.consent.ConsentConflictException;
import fr.passerelle.gateway.http.BodyTooLarge;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Bad input to the patient API becomes a problem+json 400 with a specific message, never a stack trace. */
// Before the framework's generic problem handler (spring.mvc.problemdetails), so the specific words win.
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {PatientController.class, OperatorConsentController.class})
class PatientApiErrors {

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail invalid(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        // A chunked body read past the limit (a declared one is refused before Spring, by http.BodyLimitFilter).
        return BodyTooLarge.in(e).map(tooLarge -> ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
                        BodyTooLarge.reason(tooLarge.limitBytes())))
                .orElseGet(() -> ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                        "The body is not valid JSON of the documented shape (see /api/patient/openapi.yaml)"));
    }

    /** A token that names no valid patient ({@link PatientIdentity}): refused with a reason, as a problem. */
    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(ConsentConflictException.class)
    ProblemDetail conflict(ConsentConflictException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }
}
