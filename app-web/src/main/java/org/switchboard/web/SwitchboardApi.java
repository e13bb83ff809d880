package org.switchboard.web;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The REST application at the root of the web module (context root {@code /}). */
@ApplicationPath("/")
public class SwitchboardApi extends Application {}
