package dev.parley.account;

/** A user as clients see them: {@code {"username","displayName"}}, and {@code status} when they set one. */
public record UserView(String username, String displayName, String status) {

    public static UserView of(User user) {
        return new UserView(user.username(), user.displayName(), user.status().isEmpty() ? null : user.status());
    }
}
