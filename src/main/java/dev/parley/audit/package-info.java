/**
 * The audit log: every sign-in and every admin action, who did it, to what, when and from where. Kept in the
 * database, appended to and never changed ({@link dev.parley.audit.AuditLog}).
 */
package dev.parley.audit;
