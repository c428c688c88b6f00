package fr.passerelle.gateway.console.me;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * Where a refused OIDC sign-in lands: the sign-in page, saying why in the patient's words — {@code ?noIns} when the
 * provider signed the person in but named no INS (so they are no patient of this page), {@code ?failed} for anything
 * else (a token that fails its checks, a wrong nonce, the provider refusing). Only the OAuth 2 error code is logged,
 * never a claim or a token; nothing is kept in the session.
 */
public final class PatientSignInFailure implements AuthenticationFailureHandler {

    /** The error code {@link OidcPatients} refuses a person without a usable INS with. */
    public static final String NO_INS = "passerelle_no_ins";
    private static final Logger LOG = LoggerFactory.getLogger(PatientSignInFailure.class);

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
                                        AuthenticationException exception) throws IOException {
        String code = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError().getErrorCode() : exception.getClass().getSimpleName();
        LOG.info("Patient sign-in refused ({})", code);
        response.sendRedirect(request.getContextPath() + (NO_INS.equals(code) ? "/me/login?noIns" : "/me/login?failed"));
    }
}
