package org.switchboard.core.routing.entity;

import java.util.List;

/** Embeddings of a request's inputs: one vector per input, in order, the input tokens and the target that served. */
public record Embedded(List<double[]> vectors, int inputTokens, String servedBy) {}
