package dev.parley.account;

/** A user as clients see them: {@code {"username","displayName"}}. */
public record UserView(String username, String displayName) {

    public static UserView of(User user) {
        return new UserView(user.username(), user.displayName());
    }
}
