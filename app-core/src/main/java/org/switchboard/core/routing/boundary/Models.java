package org.switchboard.core.routing.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.core.providers.entity.ModelInfo;
import org.switchboard.core.routing.control.RoutingTable;
import org.switchboard.core.tenants.entity.Caller;

/** The models a caller may ask for: the aliases of its tenant's routing policies and the global ones. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Models {
    private static final String OWNER = "switchboard";

    @Inject
    RoutingTable table;

    public List<ModelInfo> list(Caller caller) {
        return table.aliases(caller.tenant()).stream()
                .map(alias -> new ModelInfo(alias, OWNER))
                .toList();
    }
}
