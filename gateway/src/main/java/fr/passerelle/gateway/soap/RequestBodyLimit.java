package fr.passerelle.gateway.soap;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.apache.cxf.interceptor.Fault;
import org.apache.cxf.message.Message;
import org.apache.cxf.phase.AbstractPhaseInterceptor;
import org.apache.cxf.phase.Phase;

/**
 * In-interceptor refusing request bodies larger than the configured limit: at once from a declared
 * Content-Length, and while reading for chunked bodies (the stream stops at the limit, before parsing goes further).
 */
public final class RequestBodyLimit extends AbstractPhaseInterceptor<Message> {

    private final long limitBytes;

    public RequestBodyLimit(long limitBytes) {
        super(Phase.RECEIVE);
        if (limitBytes <= 0) {
            throw new IllegalArgumentException("The SOAP body limit must be positive");
        }
        this.limitBytes = limitBytes;
    }

    @Override
    public void handleMessage(Message message) {
        if (declaredLength(message) > limitBytes) {
            throw new Fault(EnvelopeFault.bodyTooLarge(limitBytes));
        }
        InputStream body = message.getContent(InputStream.class);
        if (body != null) {
            message.setContent(InputStream.class, new Bounded(body, limitBytes));
        }
    }

    private static long declaredLength(Message message) {
        Object headers = message.get(Message.PROTOCOL_HEADERS);
        if (headers instanceof Map<?, ?> map) {
            for (Map.Entry<?, ?> header : map.entrySet()) {
                if ("Content-Length".equalsIgnoreCase(String.valueOf(header.getKey()))
                        && header.getValue() instanceof List<?> values && !values.isEmpty()) {
                    try {
                        return Long.parseLong(String.valueOf(values.get(0)).trim());
                    } catch (NumberFormatException e) {
                        return -1;
                    }
                }
            }
        }
        return -1;
    }

    /** Raised while reading past the limit; found in the fault's causes by {@link FaultShapingInterceptor}. */
    public static final class TooLarge extends IOException {
        private final long limitBytes;

        TooLarge(long limitBytes) {
            super("request body over " + limitBytes + " bytes", null);
            this.limitBytes = limitBytes;
        }

        public long limitBytes() {
            return limitBytes;
        }
    }

    private static final class Bounded extends FilterInputStream {
        private final long limit;
        private long read;

        Bounded(InputStream in, long limit) {
            super(in);
            this.limit = limit;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws TooLarge {
            read += n;
            if (read > limit) {
                throw new TooLarge(limit);
            }
        }
    }
}
