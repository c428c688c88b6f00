package fr.passerelle.gateway.http;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Bounds every request body before anything parses it: a declared {@code Content-Length} over the entry point's
 * limit is answered 413 at once (nothing read); otherwise the body is read through a counter that fails with
 * {@link BodyTooLarge} one byte past the limit (a chunked body, or one longer than declared). Runs before the
 * security chain and every protocol (its place: {@code HttpLimitsConfiguration}).
 */
public final class BodyLimitFilter extends OncePerRequestFilter {

    private final EntryPoints entryPoints;

    public BodyLimitFilter(EntryPoints entryPoints) {
        this.entryPoints = entryPoints;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = EntryPoint.pathOf(request);
        EntryPoint entryPoint = entryPoints.forPath(path);
        long limit = entryPoint.maxBodyBytes(path);
        if (request.getContentLengthLong() > limit) {
            entryPoint.refuseTooLarge(request, response, limit);
            return;
        }
        chain.doFilter(new Bounded(request, limit), response);
    }

    /** The request whose body reads stop one byte past the limit. */
    private static final class Bounded extends HttpServletRequestWrapper {
        private final long limit;
        private ServletInputStream stream;

        Bounded(HttpServletRequest request, long limit) {
            super(request);
            this.limit = limit;
        }

        @Override
        public ServletInputStream getInputStream() throws IOException {
            if (stream == null) {
                stream = new CountingStream(super.getInputStream(), limit, this);
            }
            return stream;
        }

        @Override
        public BufferedReader getReader() throws IOException {
            String encoding = getCharacterEncoding();
            Charset charset = encoding == null ? StandardCharsets.ISO_8859_1 : Charset.forName(encoding);
            return new BufferedReader(new InputStreamReader(getInputStream(), charset));
        }
    }

    private static final class CountingStream extends ServletInputStream {
        private final ServletInputStream in;
        private final long limit;
        private final HttpServletRequest request;
        private long read;

        CountingStream(ServletInputStream in, long limit, HttpServletRequest request) {
            this.in = in;
            this.limit = limit;
            this.request = request;
        }

        @Override
        public int read() throws IOException {
            int b = in.read();
            if (b >= 0) {
                count(1);
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = in.read(buffer, offset, length);
            if (n > 0) {
                count(n);
            }
            return n;
        }

        private void count(int n) throws BodyTooLarge {
            read += n;
            if (read > limit) {
                request.setAttribute(BodyTooLarge.ATTRIBUTE, limit);
                throw new BodyTooLarge(limit);
            }
        }

        @Override
        public boolean isFinished() {
            return in.isFinished();
        }

        @Override
        public boolean isReady() {
            return in.isReady();
        }

        @Override
        public void setReadListener(ReadListener listener) {
            in.setReadListener(listener);
        }

        @Override
        public int available() throws IOException {
            return in.available();
        }

        @Override
        public void close() throws IOException {
            in.close();
        }
    }
}
