package dev.parley.account;

/**
 * A user as clients see them: {@code {"username","displayName"}}, {@code status} when they set one, and
 * {@code avatar} (the id of their picture, at {@code GET /api/avatars/{avatar}}) when they have one.
 */
public record UserView(String username, String displayName, String status, String avatar) {

    public static UserView of(User user) {
        return new UserView(user.username(), user.displayName(), user.status().isEmpty() ? null : user.status(),
                user.avatarKey());
    }
}
