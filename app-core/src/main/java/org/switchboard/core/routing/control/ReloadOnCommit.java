package org.switchboard.core.routing.control;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

/**
 * Reloads this instance's {@link RoutingTable} once the transaction that changed the configuration has ended,
 * so a change takes effect here at once; other instances see the bumped version when they next poll.
 */
@ApplicationScoped
public class ReloadOnCommit {
    @Inject
    RoutingTable table;

    @Resource
    TransactionSynchronizationRegistry transactions;

    public void changed() {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {}

            @Override
            public void afterCompletion(int status) {
                table.reload();
            }
        });
    }
}
