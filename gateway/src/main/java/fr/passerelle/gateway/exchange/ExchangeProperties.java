package fr.passerelle.gateway.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.exchange.*}.
 *
 * @param translationCacheBytes most bytes of translated documents kept in memory (a PS is ~100 KB translated)
 */
@ConfigurationProperties("passerelle.exchange")
public record ExchangeProperties(@DefaultValue("67108864") long translationCacheBytes) {
}
