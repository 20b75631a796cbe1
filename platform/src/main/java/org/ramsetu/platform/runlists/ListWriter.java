package org.ramsetu.platform.runlists;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Writes one stored list: rows into a body, strings into a dictionary written ahead of it. Not
 * thread-safe; one writer per list.
 */
public final class ListWriter {

    private final int format;
    private final ByteArrayOutputStream bytes;
    private final DataOutputStream body;
    private final Map<String, Integer> words = new HashMap<>();
    private final List<String> order = new ArrayList<>();

    /**
     * @param format the list's format byte (1–127), which a reader checks first
     * @param expectedBytes a guess of the body's size, to spare the buffer's regrowth
     */
    public ListWriter(int format, int expectedBytes) {
        if (format < 1 || format > 127) {
            throw new IllegalArgumentException("a list format is a byte from 1 to 127");
        }
        this.format = format;
        this.bytes = new ByteArrayOutputStream(Math.max(64, expectedBytes));
        this.body = new DataOutputStream(bytes);
    }

    /** The body rows are written to; writing to memory never fails. */
    public DataOutputStream body() {
        return body;
    }

    /** The dictionary index of {@code s}, adding it on first sight. */
    public int word(String s) {
        Integer i = words.get(s);
        if (i == null) {
            i = order.size();
            words.put(s, i);
            order.add(s);
        }
        return i;
    }

    /** Writes {@code s} to the body as its dictionary index. */
    public void writeWord(String s) throws IOException {
        body.writeInt(word(s));
    }

    public void writeUuid(UUID id) throws IOException {
        body.writeLong(id.getMostSignificantBits());
        body.writeLong(id.getLeastSignificantBits());
    }

    /** The whole list: format byte, dictionary, body. */
    public byte[] finish() {
        try {
            body.flush();
            ByteArrayOutputStream all =
                    new ByteArrayOutputStream(bytes.size() + order.size() * 24 + 8);
            DataOutputStream out = new DataOutputStream(all);
            out.writeByte(format);
            out.writeInt(order.size());
            for (String s : order) {
                out.writeUTF(s);
            }
            bytes.writeTo(out);
            out.flush();
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
