package fr.passerelle.gateway.exchange;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code passerelle.exchange.*}.
 *
 * @param translationCacheBytes most bytes of translated documents kept in memory (a PS is ~100 KB translated)
 * @param rendererWarmUp        prepare the report renderer (ANS stylesheet compiled, FOP set up, one small report
 *                              rendered) in the background once the gateway is ready, so that the first listing of
 *                              a report that has to be rendered does not pay it (≈ 2 s of CPU, docs/orcd.md)
 */
@ConfigurationProperties("passerelle.exchange")
public record ExchangeProperties(@DefaultValue("67108864") long translationCacheBytes,
                                 @DefaultValue("true") boolean rendererWarmUp) {
}
