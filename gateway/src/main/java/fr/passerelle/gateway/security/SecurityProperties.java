package fr.passerelle.gateway.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.security.*}.
 *
 * @param operators the operator accounts (role OPERATOR); none means the consoles are closed
 */
@ConfigurationProperties("passerelle.security")
public record SecurityProperties(@DefaultValue List<OperatorAccount> operators) {
}
