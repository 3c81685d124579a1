/**
 * People and signing in: the {@link dev.parley.account.User} entity, registration and password checks ({@link
 * dev.parley.account.AccountService}), Parley's one Jakarta Security mechanism and its identity store, and the
 * REST calls and Faces views for signing up, in and out.
 */
package dev.parley.account;
