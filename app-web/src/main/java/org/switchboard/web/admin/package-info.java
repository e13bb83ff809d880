/** The admin REST API: providers, keys and routing policies (admin role only). */
package org.switchboard.web.admin;
