package fr.passerelle.gateway.audit.atna;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLServerSocket;

/** A small RFC 5425 collector for tests: TLS, octet-counted frames, every message kept in arrival order. */
final class TlsSyslogCollector implements AutoCloseable {

    final List<String> messages = new CopyOnWriteArrayList<>();
    private final SSLServerSocket server;
    private final Thread acceptor;

    TlsSyslogCollector(int port, Path keyStore, String password) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(keyStore)) {
            store.load(in, password.toCharArray());
        }
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(store, password.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        server = (SSLServerSocket) context.getServerSocketFactory().createServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress("127.0.0.1", port));
        acceptor = new Thread(this::accept, "test-syslog-collector");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    static int freePort() throws IOException {
        try (ServerSocket probe = new ServerSocket(0)) {
            return probe.getLocalPort();
        }
    }

    void awaitMessages(int count) throws InterruptedException {
        long deadline = System.currentTimeMillis() + 10_000;
        while (messages.size() < count && System.currentTimeMillis() < deadline) {
            Thread.sleep(20);
        }
    }

    private void accept() {
        while (!server.isClosed()) {
            try (Socket socket = server.accept()) {
                DataInputStream in = new DataInputStream(socket.getInputStream());
                while (true) {
                    int length = readLength(in);
                    byte[] message = new byte[length];
                    in.readFully(message);
                    messages.add(new String(message, StandardCharsets.UTF_8));
                }
            } catch (EOFException endOfConnection) {
                // the sender closed the connection; wait for the next one
            } catch (IOException closedOrBroken) {
                if (server.isClosed()) {
                    return;
                }
            }
        }
    }

    /** MSG-LEN SP: ASCII digits, then one space. */
    private static int readLength(DataInputStream in) throws IOException {
        ByteArrayOutputStream digits = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != ' ') {
            if (b < 0) {
                throw new EOFException();
            }
            if (b < '0' || b > '9') {
                throw new IOException("Not an RFC 5425 frame: byte " + b + " in MSG-LEN");
            }
            digits.write(b);
        }
        return Integer.parseInt(digits.toString(StandardCharsets.US_ASCII));
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
