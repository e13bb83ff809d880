package org.switchboard.core.metrics.control;

import io.micrometer.core.instrument.Gauge;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.function.ToIntFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.switchboard.core.platform.Database;
import org.switchboard.core.platform.SchemaReady;

/**
 * The connection pool's basics: connections in use and free, and the pool's maximum. Payara has no public API for
 * them (its monitoring MBeans exist only with monitoring switched on in the domain), so they are read by reflection
 * from the pool behind the application's datasource: {@code AbstractDataSource.cm.poolInfo}, then
 * {@code ConnectorRuntime.getRuntime().getPoolManager().getPool(poolInfo).getPoolStatus()}. On a server where that
 * path does not exist the gauges are simply not published (logged once).
 */
@ApplicationScoped
public class PoolGauges {
    private static final Logger LOG = Logger.getLogger(PoolGauges.class.getName());
    static final String CONNECTIONS = "switchboard.db.pool.connections";
    static final String MAX = "switchboard.db.pool.max.connections";

    @Inject
    Registry registry;

    @Resource(lookup = Database.JNDI_NAME)
    DataSource dataSource;

    void start(@Observes SchemaReady ready) {
        try {
            Pool pool = Pool.behind(dataSource);
            gauge(CONNECTIONS, "used", pool, Pool::used);
            gauge(CONNECTIONS, "free", pool, Pool::free);
            Gauge.builder(MAX, pool, p -> p.read(Pool::max))
                    .description("The connection pool's maximum size")
                    .strongReference(true)
                    .register(registry.meters());
        } catch (ReflectiveOperationException | RuntimeException e) {
            LOG.log(Level.INFO, "No connection-pool metrics: this server's pool is not where Payara 6 keeps it", e);
        }
    }

    private void gauge(String name, String state, Pool pool, ToIntFunction<Pool> reading) {
        Gauge.builder(name, pool, p -> p.read(reading))
                .description("Connections of the application's pool by state")
                .tag("state", state)
                .strongReference(true)
                .register(registry.meters());
    }

    /** Payara's pool for one datasource, found through its connector runtime. */
    static final class Pool {
        private final Object poolManager;
        private final Object poolInfo;
        private final Method getPool;
        private Object status;
        private Object pool;

        private Pool(Object poolManager, Object poolInfo, Method getPool) {
            this.poolManager = poolManager;
            this.poolInfo = poolInfo;
            this.getPool = getPool;
        }

        static Pool behind(DataSource dataSource) throws ReflectiveOperationException {
            Object manager = field(dataSource, "cm");
            Object poolInfo = field(manager, "poolInfo");
            Class<?> runtime = Class.forName(
                    "com.sun.enterprise.connectors.ConnectorRuntime",
                    true,
                    manager.getClass().getClassLoader());
            Object poolManager = runtime.getMethod("getPoolManager")
                    .invoke(runtime.getMethod("getRuntime").invoke(null));
            Method getPool = null;
            for (Method method : poolManager.getClass().getMethods()) {
                if (method.getName().equals("getPool") && method.getParameterCount() == 1) {
                    getPool = method;
                }
            }
            if (getPool == null) {
                throw new NoSuchMethodException("PoolManager.getPool(PoolInfo)");
            }
            return new Pool(poolManager, poolInfo, getPool);
        }

        /** A reading, or 0 while the pool does not exist (before its first connection) or cannot be read. */
        synchronized int read(ToIntFunction<Pool> reading) {
            try {
                pool = getPool.invoke(poolManager, poolInfo);
                if (pool == null) {
                    return 0;
                }
                status = pool.getClass().getMethod("getPoolStatus").invoke(pool);
                return reading.applyAsInt(this);
            } catch (ReflectiveOperationException | RuntimeException e) {
                return 0;
            }
        }

        int used() {
            return call(status, "getNumConnUsed");
        }

        int free() {
            return call(status, "getNumConnFree");
        }

        int max() {
            return call(pool, "getMaxPoolSize");
        }

        private static int call(Object target, String method) {
            try {
                return (Integer) target.getClass().getMethod(method).invoke(target);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException(e);
            }
        }

        private static Object field(Object target, String name) throws ReflectiveOperationException {
            for (Class<?> type = target.getClass(); type != null; type = type.getSuperclass()) {
                try {
                    Field field = type.getDeclaredField(name);
                    field.setAccessible(true);
                    return field.get(target);
                } catch (NoSuchFieldException e) {
                    // look in the superclass
                }
            }
            throw new NoSuchFieldException(name);
        }
    }
}
