/**
 * Chats in the console, read-only (for support): the tenant's chats with their owners, and one chat's active branch
 * with where it branches. Read through {@code Chats} in the tenant the operator acts for; another tenant's chat id
 * typed into the address bar reads as not found. Nothing here writes: switching a chat's branch would.
 */
package org.switchboard.admin.chats;
