package fr.passerelle.gateway.security;

import fr.passerelle.gateway.console.demo.DemoProperties;
import fr.passerelle.gateway.console.me.PatientSignInFailure;
import fr.passerelle.gateway.patient.token.PatientTokenDecoders;
import jakarta.servlet.DispatcherType;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.SingleResultAuthorizationManager;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.OAuth2UserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.header.writers.DelegatingRequestMatcherHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;
import org.springframework.security.web.util.matcher.NegatedRequestMatcher;
import org.springframework.security.web.util.matcher.RequestMatcher;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.UsernamePasswordAuthenticationFilter;
import org.springframework.security.web.authentication.www.BasicAuthenticationFilter;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.savedrequest.NullRequestCache;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.security.web.servlet.util.matcher.PathPatternRequestMatcher;

/** The application's filter chains; anything not named here is denied. */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
public class SecurityConfiguration {

    public static final String OPERATOR = "OPERATOR";
    /** A French patient signed in to the patient page ({@code /me}); never an operator. */
    public static final String PATIENT = "PATIENT";

    /** The patient API: bearer tokens only, no session, no cookie (so no CSRF either). */
    @Bean
    @Order(1)
    SecurityFilterChain patientApi(HttpSecurity http, ObjectProvider<JwtDecoder> decoder) throws Exception {
        JwtDecoder patientTokens = decoder.getIfAvailable(PatientTokenDecoders::noIssuerConfigured);
        http.securityMatcher("/api/patient/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/api/patient/openapi.yaml").permitAll()
                        .anyRequest().authenticated())
                .oauth2ResourceServer(server -> server.jwt(jwt -> jwt.decoder(patientTokens)))
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /**
     * The patient page: a browser session (CSRF on) opened by the patient sign-in — OIDC against the patient
     * identity provider when one is configured, the demo's list of synthetic patients when the dev issuer is on
     * (both in {@code console.me}). Only a patient session passes; an operator's session gets 403.
     */
    @Bean
    @Order(2)
    SecurityFilterChain patientPages(HttpSecurity http, ObjectProvider<ClientRegistrationRepository> identityProvider,
                                     ObjectProvider<OAuth2UserService<OidcUserRequest, OidcUser>> patients)
            throws Exception {
        http.securityMatcher("/me", "/me/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers("/me/login", "/me/login/**").permitAll()
                        .anyRequest().hasRole(PATIENT))
                .exceptionHandling(errors -> errors
                        .authenticationEntryPoint(new LoginUrlAuthenticationEntryPoint("/me/login")))
                .logout(logout -> logout.logoutUrl("/me/logout").logoutSuccessUrl("/me/login?signedOut"));
        ClientRegistrationRepository registrations = identityProvider.getIfAvailable();
        if (registrations != null) {
            http.oauth2Login(login -> login.loginPage("/me/login")
                    .clientRegistrationRepository(registrations)
                    .authorizationEndpoint(endpoint -> endpoint.baseUri("/me/login/oauth2/authorization"))
                    .redirectionEndpoint(endpoint -> endpoint.baseUri("/me/login/oauth2/code/*"))
                    .userInfoEndpoint(userInfo -> userInfo.oidcUserService(patients.getObject()))
                    .defaultSuccessUrl("/me", true)
                    .failureHandler(new PatientSignInFailure()));
        }
        return http.build();
    }

    /**
     * The operators' API: HTTP Basic on every request and nothing else — no session, so the console's cookie opens
     * nothing here and there is nothing for a forged request to ride on (hence no CSRF token); requests a browser
     * sends for another site are refused ({@link CrossSiteRefusal}); failed sign-ins are throttled.
     */
    @Bean
    @Order(3)
    SecurityFilterChain operatorApi(HttpSecurity http, LoginThrottle throttle) throws Exception {
        http.securityMatcher("/api/admin/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().hasRole(OPERATOR))
                .httpBasic(Customizer.withDefaults())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable())
                .addFilterBefore(new CrossSiteRefusal(), BasicAuthenticationFilter.class)
                .addFilterBefore(new LoginThrottleFilter(throttle), BasicAuthenticationFilter.class);
        return http.build();
    }

    /**
     * The protocol endpoints: open to the network, each SOAP/FHIR request carrying its own signed assertion or token,
     * which the trust module checks. No Spring credential of any kind is read here — an {@code Authorization: Basic}
     * header sent to {@code /fhir} is the FHIR road's to refuse, in an OperationOutcome — and no session is opened.
     */
    @Bean
    @Order(4)
    SecurityFilterChain protocols(HttpSecurity http) throws Exception {
        http.securityMatcher("/services/**", "/fhir/**")
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .securityContext(context -> context
                        .securityContextRepository(new RequestAttributeSecurityContextRepository()))
                .requestCache(cache -> cache.requestCache(new NullRequestCache()))
                .csrf(csrf -> csrf.disable());
        return http.build();
    }

    /** Everything else: probes open, consoles for operators, the rest denied. */
    @Bean
    @Order(5)
    SecurityFilterChain application(HttpSecurity http, Environment environment, LoginThrottle throttle)
            throws Exception {
        boolean demo = DemoProperties.enabledIn(environment);
        http.authorizeHttpRequests(requests -> requests
                        .requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info",
                                "/actuator/prometheus").permitAll()
                        // The error page renders errors forwarded to it; asked for directly it is nothing (no 500).
                        .dispatcherTypeMatchers(DispatcherType.ERROR).permitAll()
                        // Exists only when the demo's dev issuer is enabled (see PatientTokenProperties).
                        .requestMatchers("/dev/patient-token").permitAll()
                        // The consoles' one stylesheet (a 401 on it would make a browser prompt for a password).
                        .requestMatchers("/css/**").permitAll()
                        // The foreign-practitioner demo page, only while passerelle.demo.enabled holds.
                        .requestMatchers("/demo", "/demo/**").access(demo
                                ? SingleResultAuthorizationManager.permitAll() : SingleResultAuthorizationManager.denyAll())
                        .requestMatchers("/admin/**").hasRole(OPERATOR)
                        .anyRequest().denyAll())
                .httpBasic(Customizer.withDefaults())
                .formLogin(Customizer.withDefaults())
                // Nothing is framable, except a PDF the demo page received, by the page itself (an <object>).
                .headers(headers -> headers.frameOptions(frame -> frame.disable())
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(new NegatedRequestMatcher(DEMO_PDF),
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY)))
                        .addHeaderWriter(new DelegatingRequestMatcherHeaderWriter(DEMO_PDF,
                                new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN))))
                .requestCache(cache -> cache.requestCache(operatorPagesOnly()))
                .addFilterBefore(new LoginThrottleFilter(throttle), UsernamePasswordAuthenticationFilter.class)
                // A machine-to-machine endpoint: no browser session to forge requests with.
                .csrf(csrf -> csrf.ignoringRequestMatchers("/dev/patient-token"));
        return http.build();
    }

    private static final RequestMatcher DEMO_PDF = PathPatternRequestMatcher.withDefaults()
            .matcher(HttpMethod.GET, "/demo/pdf/*");

    /**
     * Remembers the page asked before the sign-in only for the operator console. Sessions live in the database
     * (Spring Session JDBC): the default cache would open one — a row written — for every refused request, such as
     * a scanner's probe of an unknown path.
     */
    private static RequestCache operatorPagesOnly() {
        HttpSessionRequestCache cache = new HttpSessionRequestCache();
        cache.setRequestMatcher(PathPatternRequestMatcher.withDefaults().matcher(HttpMethod.GET, "/admin/**"));
        return cache;
    }

    @Bean
    PasswordEncoder passwordEncoder() {
        return PasswordHashing.encoder();
    }

    @Bean
    UserDetailsService operators(SecurityProperties properties) {
        InMemoryUserDetailsManager users = new InMemoryUserDetailsManager();
        for (OperatorAccount operator : properties.operators()) {
            users.createUser(User.withUsername(operator.username()).password(operator.passwordHash())
                    .roles(OPERATOR).build());
        }
        return users;
    }
}
