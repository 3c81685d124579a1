package dev.parley.account;

import java.io.Serializable;
import java.util.Set;

/** Who is signed in on an HTTP session; kept in the session so each request can be authenticated from it. */
record SignedInCaller(String username, Set<String> groups) implements Serializable {

    static final String SESSION_ATTRIBUTE = "parley.caller";
}
