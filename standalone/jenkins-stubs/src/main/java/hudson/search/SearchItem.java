package hudson.search;

/** Stub. */
public interface SearchItem {
    String getSearchName();

    String getSearchUrl();

    SearchIndex getSearchIndex();
}
