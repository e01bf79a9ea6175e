package hudson.search;

import java.util.List;

/** Stub. */
public interface SearchIndex {
    void find(String token, List<SearchItem> result);

    void suggest(String token, List<SearchItem> result);
}
