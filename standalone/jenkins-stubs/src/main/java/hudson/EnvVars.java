package hudson;

import java.util.Map;
import java.util.TreeMap;

/** Stub. */
public class EnvVars extends TreeMap<String, String> {
    public EnvVars() {
        throw new UnsupportedOperationException("stub");
    }

    public EnvVars(Map<String, String> m) {
        throw new UnsupportedOperationException("stub");
    }

    public void override(String key, String value) {
        throw new UnsupportedOperationException("stub");
    }

    public String expand(String s) {
        throw new UnsupportedOperationException("stub");
    }
}
