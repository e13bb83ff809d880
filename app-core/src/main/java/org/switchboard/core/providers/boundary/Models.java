package org.switchboard.core.providers.boundary;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.List;
import org.switchboard.core.providers.control.ProviderRegistry;
import org.switchboard.core.providers.entity.ModelInfo;

/** The models clients may ask for. */
@Stateless
@TransactionAttribute(TransactionAttributeType.SUPPORTS)
public class Models {
    @Inject
    ProviderRegistry registry;

    public List<ModelInfo> list() {
        return registry.models();
    }
}
