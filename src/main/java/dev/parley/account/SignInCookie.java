package dev.parley.account;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

/**
 * The browser's half of a shared sign-in: a cookie holding the sign-in's secret, sent to every node. It lives as
 * long as the browser session (like the session cookie), is never readable by scripts, and goes along with
 * top-level navigations from other sites (the company's identity provider sends people back that way) but not
 * with their requests ({@code SameSite=Lax}).
 */
final class SignInCookie {

    static final String NAME = "parley_signin";

    private SignInCookie() {
    }

    /** The secret the request carries, or null. */
    static String secretOf(HttpServletRequest request) {
        Cookie[] cookies = request.getCookies();
        if (cookies == null) {
            return null;
        }
        for (Cookie cookie : cookies) {
            if (NAME.equals(cookie.getName()) && !cookie.getValue().isEmpty()) {
                return cookie.getValue();
            }
        }
        return null;
    }

    static void set(HttpServletRequest request, HttpServletResponse response, String secret, boolean secure) {
        response.addHeader("Set-Cookie", NAME + "=" + secret + attributes(request, secure));
    }

    static void clear(HttpServletRequest request, HttpServletResponse response, boolean secure) {
        response.addHeader("Set-Cookie", NAME + "=; Max-Age=0" + attributes(request, secure));
    }

    private static String attributes(HttpServletRequest request, boolean secure) {
        String path = request.getContextPath().isEmpty() ? "/" : request.getContextPath();
        return "; Path=" + path + "; HttpOnly; SameSite=Lax" + (secure || request.isSecure() ? "; Secure" : "");
    }
}
