package org.ramsetu.platform.registry.common;

import java.util.UUID;

/** What donor and patient profiles show alike to their endpoints: whose it is, and its version. */
public interface ProfileView {

    UUID accountId();

    /** Raised by every save; the {@code ETag} of the profile's answers. */
    long version();
}
