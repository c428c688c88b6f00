package fr.passerelle.gateway.console.session;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.convert.ConversionService;
import org.springframework.core.convert.support.GenericConversionService;
import org.springframework.core.serializer.support.DeserializingConverter;
import org.springframework.core.serializer.support.SerializationFailedException;
import org.springframework.core.serializer.support.SerializingConverter;

/**
 * How session attributes are written to and read from {@code spring_session_attributes}: Java serialisation, as
 * Spring Session does by default, except that an attribute this node cannot read back — written by a node of another
 * version whose classes changed (a rolling upgrade), or damaged — reads as absent. The console user is then signed
 * out and sent to the sign-in page, instead of getting an error on every request until the session expires. Only the
 * exception's type is logged, never the attribute.
 */
@Configuration(proxyBeanMethods = false)
public class ConsoleSessionAttributes {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleSessionAttributes.class);

    /** The name Spring Session's JDBC configuration looks its conversion service up by. */
    @Bean("springSessionConversionService")
    ConversionService springSessionConversionService() {
        DeserializingConverter reader = new DeserializingConverter(ConsoleSessionAttributes.class.getClassLoader());
        GenericConversionService conversions = new GenericConversionService();
        conversions.addConverter(Object.class, byte[].class, new SerializingConverter());
        conversions.addConverter(byte[].class, Object.class, bytes -> {
            try {
                return reader.convert(bytes);
            } catch (SerializationFailedException unreadable) {
                LOG.warn("A console session attribute could not be read and counts as absent ({})",
                        unreadable.getCause() == null ? "?" : unreadable.getCause().getClass().getSimpleName());
                return null;
            }
        });
        return conversions;
    }
}
