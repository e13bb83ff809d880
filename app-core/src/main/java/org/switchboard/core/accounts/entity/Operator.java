package org.switchboard.core.accounts.entity;

import java.util.Set;

/** An authenticated console operator. */
public record Operator(String username, Set<String> roles) {}
