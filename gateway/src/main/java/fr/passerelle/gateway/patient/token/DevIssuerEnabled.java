package fr.passerelle.gateway.patient.token;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * On when {@code passerelle.patient.dev-issuer.enabled=true}, or — when that property is not set — when the gateway
 * runs on the demo health space ({@code passerelle.health-space=demo}, the demo defaults). So the demo works out
 * of the box, and a deployment on the real health space never signs patient tokens itself unless told to.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Conditional(DevIssuerEnabled.OnDevIssuer.class)
public @interface DevIssuerEnabled {

    String PROPERTY = "passerelle.patient.dev-issuer.enabled";

    final class OnDevIssuer implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            String explicit = context.getEnvironment().getProperty(PROPERTY);
            if (explicit != null) {
                return Boolean.parseBoolean(explicit.trim());
            }
            return "demo".equalsIgnoreCase(context.getEnvironment().getProperty("passerelle.health-space", ""));
        }
    }
}
