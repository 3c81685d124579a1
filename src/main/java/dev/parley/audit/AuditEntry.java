package dev.parley.audit;

/**
 * One line of the audit log as the console shows it: {@code actor} did {@code action} to {@code target} at
 * {@code at} from {@code address}; {@code detail} says more where there is more (the settings changed, a room).
 * {@code actor} is absent for a failed sign-in (nobody was signed in; {@code target} is the account tried).
 */
public record AuditEntry(long id, String at, String actor, String action, String target, String detail,
        String address) {
}
