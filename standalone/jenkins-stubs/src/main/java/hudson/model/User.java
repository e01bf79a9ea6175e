package hudson.model;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UsernameNotFoundException;

/** Stub. */
public class User {
    private User() {
        throw new UnsupportedOperationException("stub");
    }

    public static User getById(String id, boolean create) {
        throw new UnsupportedOperationException("stub");
    }

    public Authentication impersonate2() throws UsernameNotFoundException {
        throw new UnsupportedOperationException("stub");
    }
}
