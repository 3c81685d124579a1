package dev.parley.account;

/** An admin disabled the account: its connections on every node must close. Observed after commit. */
public record AccountDisabled(String username) {
}
