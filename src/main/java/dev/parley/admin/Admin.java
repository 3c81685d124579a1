package dev.parley.admin;

/**
 * The admin doing something, and from where: what the audit log records of them. Only {@link AdminService#admin}
 * makes one, after checking the role, and every admin action takes one: no action can skip the check.
 */
record Admin(String username, String address) {
}
