package org.switchboard.admin.shell;

import com.vaadin.flow.component.page.AppShellConfigurator;
import com.vaadin.flow.component.page.Push;

/**
 * The console's app shell: server push (over a WebSocket, with long polling as the fallback) lets a view update the
 * browser from a background thread, as the metrics dashboard does every few seconds.
 */
@Push
public class AppShell implements AppShellConfigurator {}
