package org.switchboard.core.routing.control;

import org.switchboard.core.providers.control.ChatProvider;
import org.switchboard.core.routing.entity.DeadlineSettings;

/**
 * A model alias resolved for one run, read from one routing table snapshot: the routed provider it generates
 * with and the deadlines its policy chose (a null field is the instance's).
 */
public record RoutedChat(ChatProvider provider, DeadlineSettings deadlines) {}
