package fr.passerelle.gateway.exchange;

import fr.passerelle.gateway.conformance.PivotConformance;
import fr.passerelle.terminology.Terminology;
import fr.passerelle.translation.DocumentTranslator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The translation cache the use cases share. */
@Configuration(proxyBeanMethods = false)
public class ExchangeConfiguration {

    /** Uses the application's translator when one is wired, otherwise one over the live terminology. */
    @Bean
    TranslatedDocuments translatedDocuments(ObjectProvider<DocumentTranslator> translator, Terminology terminology,
                                            ExchangeProperties properties, PivotConformance conformance) {
        return new TranslatedDocuments(translator.getIfAvailable(() -> new DocumentTranslator(terminology)),
                properties.translationCacheBytes(), conformance);
    }
}
