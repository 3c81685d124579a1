/**
 * People and signing in: the {@link dev.parley.account.User} entity, registration and password checks ({@link
 * dev.parley.account.AccountService}), Parley's one Jakarta Security mechanism and its identity store, each
 * account's standing (admin, disabled) and what admins change of it, personal access tokens, and the REST calls
 * and Faces views for signing up, in and out and for tokens.
 */
package dev.parley.account;
