package org.ramsetu.infra.blob;

/** One entry of a listing: the key and its size (what both stores can list without a read). */
public record BlobSummary(BlobKey key, long length) {}
