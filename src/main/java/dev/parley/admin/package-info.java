/**
 * Running the place: the admin console under {@code /admin} and the same actions as REST calls under
 * {@code /api/admin}. {@link dev.parley.admin.AdminService} is the one way in for both: it checks that the caller is
 * an admin and writes every action to the audit log in the transaction that makes it.
 */
package dev.parley.admin;
