package fr.passerelle.gateway.audit;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * A data source the group commit tests steer: {@link #hold()} makes the next connection wait until
 * {@link #release()} (so callers pile up in the queue behind a writer that is known to be busy), and
 * {@link #failRecordInsert(int)} makes the n-th insert of an audit record from now fail, as a constraint violation
 * or a lost database would (the statement fails, so its transaction rolls back).
 */
final class ControlledDataSource extends DelegatingDataSource {

    private volatile CountDownLatch gate = new CountDownLatch(0);
    private final AtomicInteger waiting = new AtomicInteger();
    private final AtomicInteger insertsUntilFailure = new AtomicInteger(-1);

    ControlledDataSource(DataSource target) {
        super(target);
    }

    void hold() {
        gate = new CountDownLatch(1);
    }

    void release() {
        gate.countDown();
    }

    /** Connections currently held back by {@link #hold()}. */
    int waiting() {
        return waiting.get();
    }

    void failRecordInsert(int nth) {
        insertsUntilFailure.set(nth);
    }

    @Override
    public Connection getConnection() throws SQLException {
        waiting.incrementAndGet();
        try {
            if (!gate.await(30, TimeUnit.SECONDS)) {
                throw new SQLException("test gate never opened");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted at the test gate", e);
        } finally {
            waiting.decrementAndGet();
        }
        Connection real = super.getConnection();
        return (Connection) Proxy.newProxyInstance(getClass().getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("prepareStatement")
                            && args[0].toString().startsWith("INSERT INTO audit_record")
                            && insertsUntilFailure.get() > 0 && insertsUntilFailure.decrementAndGet() == 0) {
                        throw new SQLException("injected: duplicate key value violates unique constraint", "23505");
                    }
                    try {
                        return method.invoke(real, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
