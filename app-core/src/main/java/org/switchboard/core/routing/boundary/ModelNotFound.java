package org.switchboard.core.routing.boundary;

import org.switchboard.core.platform.NotFound;

/** The client named a model that no provider serves. */
public class ModelNotFound extends NotFound {
    public ModelNotFound(String model) {
        super("model-not-found", "The model '" + model + "' does not exist; GET /v1/models lists the models");
    }
}
