package fr.passerelle.gateway.console.demo;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;

/**
 * {@code passerelle.demo.*}.
 *
 * @param enabled serve the foreign-practitioner demo page; unset means "on with the embedded defaults": the demo
 *                health space ({@code passerelle.health-space=demo}) and the demo PKI ({@code passerelle.trust.demo},
 *                default true), since the page can only sign with demo keys and only demo patients make sense
 */
@ConfigurationProperties("passerelle.demo")
public record DemoProperties(Boolean enabled) {

    public static final String ENABLED = "passerelle.demo.enabled";

    /** The rule, read straight from the environment (the security chain and the condition need it before binding). */
    public static boolean enabledIn(Environment environment) {
        DemoProperties bound = Binder.get(environment).bind("passerelle.demo", DemoProperties.class)
                .orElse(new DemoProperties(null));
        if (bound.enabled() != null) {
            return bound.enabled();
        }
        boolean demoHealthSpace = "demo".equalsIgnoreCase(environment.getProperty("passerelle.health-space", "demo"));
        boolean demoPki = environment.getProperty("passerelle.trust.demo", Boolean.class, demoHealthSpace);
        return demoHealthSpace && demoPki;
    }
}
