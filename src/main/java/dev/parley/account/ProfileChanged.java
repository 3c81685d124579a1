package dev.parley.account;

/** Someone changed their display name or status line; observed after commit, told to every connection. */
public record ProfileChanged(UserView user) {
}
