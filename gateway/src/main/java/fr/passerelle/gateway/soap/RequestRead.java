package fr.passerelle.gateway.soap;

import org.apache.cxf.message.Exchange;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * Marks the exchange once CXF has read the whole request (attachments, envelope, body) and is about to call the
 * endpoint: a failure before the mark is a request CXF could not read — the sender's — and one after it is ours.
 */
final class RequestRead extends AbstractPhaseInterceptor<Message> {

    private static final String KEY = RequestRead.class.getName();

    RequestRead() {
        super(Phase.PRE_INVOKE);
    }

    @Override
    public void handleMessage(Message message) {
        message.getExchange().put(KEY, Boolean.TRUE);
    }

    static boolean completed(Exchange exchange) {
        return exchange != null && Boolean.TRUE.equals(exchange.get(KEY));
    }
}
