package fr.passerelle.gateway.audit.atna;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;

/** Opens TLS connections to the collector: TLS 1.2+, the collector's name checked against its certificate. */
public final class SyslogTlsConnector {

    private static final int CONNECT_TIMEOUT_MILLIS = 5_000;
    private static final int SO_TIMEOUT_MILLIS = 10_000;

    private final AtnaProperties properties;
    private final SSLContext context;

    public SyslogTlsConnector(AtnaProperties properties) {
        this.properties = properties;
        this.context = context(properties);
    }

    public Connection open() throws IOException {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket();
        try {
            SSLParameters parameters = socket.getSSLParameters();
            parameters.setProtocols(new String[] {"TLSv1.3", "TLSv1.2"});
            parameters.setEndpointIdentificationAlgorithm("HTTPS");
            socket.setSSLParameters(parameters);
            socket.setSoTimeout(SO_TIMEOUT_MILLIS);
            socket.connect(new InetSocketAddress(properties.host(), properties.port()), CONNECT_TIMEOUT_MILLIS);
            socket.startHandshake();
            return new Connection(socket);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    }

    /** One open connection; messages are written in order. */
    public static final class Connection implements AutoCloseable {
        private final SSLSocket socket;
        private final OutputStream out;

        Connection(SSLSocket socket) throws IOException {
            this.socket = socket;
            this.out = socket.getOutputStream();
        }

        public void send(byte[] frame) throws IOException {
            out.write(frame);
            out.flush();
        }

        @Override
        public void close() throws IOException {
            socket.close();
        }
    }

    private static SSLContext context(AtnaProperties properties) {
        try {
            TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trust.init(properties.trustStore() == null ? null
                    : load(properties.trustStore(), properties.trustStorePassword()));
            KeyManagerFactory keys = null;
            if (properties.keyStore() != null) {
                keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
                keys.init(load(properties.keyStore(), properties.keyStorePassword()),
                        properties.keyStorePassword().toCharArray());
            }
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(keys == null ? null : keys.getKeyManagers(), trust.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("Cannot set up TLS to the ATNA collector: " + e.getMessage(), e);
        }
    }

    private static KeyStore load(Path path, String password) throws GeneralSecurityException, IOException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(path)) {
            store.load(in, password.toCharArray());
        }
        return store;
    }
}
