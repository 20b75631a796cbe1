package org.ramsetu.platform.runlists;

import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.UUID;

/** Reads a list a {@link ListWriter} wrote: the dictionary at once, rows as the caller asks. */
public final class ListReader {

    private final DataInputStream in;
    private final String[] words;

    /**
     * @param format the format the caller reads; a list of another format is refused
     * @param what what the list is, for the message when it cannot be read
     */
    public ListReader(byte[] stored, int format, String what) {
        if (stored.length == 0 || stored[0] != format) {
            throw new IllegalStateException(
                    what
                            + " is stored in format "
                            + (stored.length == 0 ? "(empty)" : Integer.toString(stored[0]))
                            + ", not "
                            + format);
        }
        in = new DataInputStream(new ByteArrayInputStream(stored, 1, stored.length - 1));
        try {
            words = new String[in.readInt()];
            for (int i = 0; i < words.length; i++) {
                words[i] = in.readUTF();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(what + " cannot be read", e);
        }
    }

    /** The format byte of a stored list, or -1 for an empty one. */
    public static int format(byte[] stored) {
        return stored.length == 0 ? -1 : stored[0];
    }

    public DataInputStream in() {
        return in;
    }

    /** The string a row names by its dictionary index. */
    public String word() throws IOException {
        return words[in.readInt()];
    }

    public UUID uuid() throws IOException {
        return new UUID(in.readLong(), in.readLong());
    }
}
