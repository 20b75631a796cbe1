package org.ramsetu.infra.blob;

/** The store itself failed (disk, network, server); the message names the key and the store. */
public class BlobStoreException extends RuntimeException {

    public BlobStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public BlobStoreException(String message) {
        super(message);
    }
}
