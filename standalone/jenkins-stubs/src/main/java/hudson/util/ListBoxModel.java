package hudson.util;

import java.util.ArrayList;
import java.util.Collection;

/** Stub. */
public class ListBoxModel extends ArrayList<ListBoxModel.Option> {
    public ListBoxModel() {
        throw new UnsupportedOperationException("stub");
    }

    public ListBoxModel(Collection<Option> c) {
        throw new UnsupportedOperationException("stub");
    }

    public ListBoxModel(Option... data) {
        throw new UnsupportedOperationException("stub");
    }

    public void add(String displayName, String value) {
        throw new UnsupportedOperationException("stub");
    }

    public ListBoxModel add(String nameAndValue) {
        throw new UnsupportedOperationException("stub");
    }

    /** Stub. */
    public static final class Option {
        public String name;
        public String value;
        public boolean selected;

        public Option(String name, String value) {
            throw new UnsupportedOperationException("stub");
        }

        public Option(String name) {
            throw new UnsupportedOperationException("stub");
        }
    }
}
