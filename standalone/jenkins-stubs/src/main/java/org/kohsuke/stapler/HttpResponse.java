package org.kohsuke.stapler;

/** Stub. */
public interface HttpResponse {}
