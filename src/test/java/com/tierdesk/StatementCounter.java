package com.tierdesk;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Set;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread prepares, to prove that a read takes a fixed number of queries however
 * many rows it returns: {@code @Import(StatementCounter.class)}, then {@link #count(Supplier)}.
 */
@TestConfiguration(proxyBeanMethods = false)
public class StatementCounter {

    private static final Set<String> STATEMENTS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final ThreadLocal<int[]> COUNT = ThreadLocal.withInitial(() -> new int[1]);

    /** What the work returned and how many statements it took. */
    public record Counted<T>(T result, int statements) {
    }

    public static <T> Counted<T> count(Supplier<T> work) {
        int before = COUNT.get()[0];
        T result = work.get();
        return new Counted<>(result, COUNT.get()[0] - before);
    }

    @Bean
    static BeanPostProcessor statementCountingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                return bean instanceof DataSource dataSource && !(bean instanceof Counting) ? new Counting(dataSource) : bean;
            }
        };
    }

    static final class Counting extends DelegatingDataSource {

        Counting(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return counting(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return counting(super.getConnection(username, password));
        }

        private static Connection counting(Connection connection) {
            InvocationHandler handler = (proxy, method, args) -> {
                if (STATEMENTS.contains(method.getName())) {
                    COUNT.get()[0]++;
                } else if (method.getName().equals("equals") && args.length == 1) {
                    return proxy == args[0];
                } else if (method.getName().equals("hashCode") && args == null) {
                    return System.identityHashCode(proxy);
                }
                try {
                    return method.invoke(connection, args);
                } catch (InvocationTargetException e) {
                    throw e.getCause();
                }
            };
            return (Connection) Proxy.newProxyInstance(StatementCounter.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, handler);
        }
    }
}
