package org.ramsetu.platform.documents;

import java.io.IOException;
import java.io.InputStream;

/** The upload as the service needs it: a name for display, a declared size and the bytes. */
public interface UploadedFile {

    String originalName();

    long size();

    /** The bytes from the first; called more than once (to recognise, inspect, then store). */
    InputStream open() throws IOException;
}
