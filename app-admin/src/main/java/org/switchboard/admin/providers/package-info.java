/**
 * Providers and keys in the console ({@code providers/:providerId?}): the providers the operator's tenant sees,
 * a form per provider, its keys (added, rotated, disabled; only ever shown masked) and a connection test. Everything
 * goes through {@code Providers} and {@code ProviderKeys}, which decide what the caller may see and change and audit
 * every change; another tenant's provider id opens "No such provider".
 */
package org.switchboard.admin.providers;
