/**
 * Who is calling and which clinic's data they reach: the verified caller ({@link org.backtrack.security.Caller}) with
 * roles and claims read from the access token, the caller as a handler argument and in OpenAPI, and the keys that keep
 * each clinic's data apart in storage ({@link org.backtrack.security.ClinicKeys}).
 */
package org.backtrack.security;
