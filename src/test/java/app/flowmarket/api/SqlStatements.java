package app.flowmarket.api;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import org.aopalliance.intercept.MethodInterceptor;
import org.springframework.aop.framework.ProxyFactory;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements that GraphQL code sends (its controllers and batch loaders on the call stack,
 * whatever the thread), so a test sees whether a query's statements grow with the number of items it lists.
 * Statements of anything else (jobs, other requests, the test itself) are not counted.
 */
@TestConfiguration(proxyBeanMethods = false)
class SqlStatements {

    private static final String GRAPHQL_PACKAGE = "app.flowmarket.api.graphql.";
    private static final Set<String> STATEMENT_METHODS = Set.of("prepareStatement", "createStatement", "prepareCall");
    private static final AtomicInteger COUNT = new AtomicInteger();

    static void reset() {
        COUNT.set(0);
    }

    static int count() {
        return COUNT.get();
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String name) {
                if (!(bean instanceof DataSource)) {
                    return bean;
                }
                ProxyFactory proxy = new ProxyFactory(bean);
                proxy.setProxyTargetClass(true);
                proxy.addAdvice((MethodInterceptor) invocation -> {
                    Object result = invocation.proceed();
                    return result instanceof Connection connection && invocation.getMethod().getName().equals("getConnection")
                            ? counting(connection) : result;
                });
                return proxy.getProxy();
            }
        };
    }

    private static Connection counting(Connection connection) {
        return (Connection) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), new Class<?>[] {Connection.class},
                (self, method, args) -> {
                    if (method.getName().equals("equals") && args != null && args.length == 1) {
                        return self == args[0];
                    }
                    if (method.getName().equals("hashCode") && args == null) {
                        return System.identityHashCode(self);
                    }
                    if (STATEMENT_METHODS.contains(method.getName()) && fromGraphQl()) {
                        COUNT.incrementAndGet();
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    private static boolean fromGraphQl() {
        return StackWalker.getInstance().walk(frames -> frames.anyMatch(frame -> frame.getClassName().startsWith(GRAPHQL_PACKAGE)));
    }
}
