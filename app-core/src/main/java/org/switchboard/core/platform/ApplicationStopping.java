package org.switchboard.core.platform;

/**
 * Fired (synchronously) when the application is being stopped, while its datasource still works: the last
 * moment to write what is queued. Payara undeploys the application's {@code @DataSourceDefinition} with the
 * EJB that declares it ({@link Database}), before the CDI beans' own {@code @PreDestroy} methods run.
 */
public record ApplicationStopping() {}
