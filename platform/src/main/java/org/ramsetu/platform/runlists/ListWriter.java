package org.ramsetu.platform.runlists;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * Writes one stored list: rows into a body, strings into a dictionary written ahead of it. Not
 * thread-safe; one writer per list.
 */
public final class ListWriter {

    private final int format;
    private final RowOutput body;
    private final Map<String, Integer> words = new HashMap<>();
    private final List<String> order = new ArrayList<>();
    private static final int RECENT = 8;
    private final String[] recent = new String[RECENT];
    private final int[] recentIndex = new int[RECENT];
    private int nextRecent;

    /**
     * @param format the list's format byte (1–127), which a reader checks first
     * @param expectedBytes a guess of the body's size, to spare the buffer's regrowth
     */
    public ListWriter(int format, int expectedBytes) {
        if (format < 1 || format > 127) {
            throw new IllegalArgumentException("a list format is a byte from 1 to 127");
        }
        this.format = format;
        this.body = new RowOutput(expectedBytes);
    }

    /** The body rows are written to. */
    public RowOutput body() {
        return body;
    }

    /**
     * The dictionary index of {@code s}, adding it on first sight. Rows repeat the same few string
     * instances (a tier's label, a blood group's name), so the last few are recognised by reference
     * before the dictionary is asked: hashing a string for each field of 10⁵ rows showed in runs.
     */
    public int word(String s) {
        // An empty slot of the recent words is null too: a null word must fail, not match it.
        Objects.requireNonNull(s, "a stored list's word");
        for (int k = 0; k < RECENT; k++) {
            if (recent[k] == s) {
                return recentIndex[k];
            }
        }
        int i = indexOf(s);
        recent[nextRecent] = s;
        recentIndex[nextRecent] = i;
        nextRecent = (nextRecent + 1) % RECENT;
        return i;
    }

    private int indexOf(String s) {
        Integer i = words.get(s);
        if (i == null) {
            i = order.size();
            words.put(s, i);
            order.add(s);
        }
        return i;
    }

    /** Writes {@code s} to the body as its dictionary index. */
    public void writeWord(String s) {
        body.writeInt(word(s));
    }

    public void writeUuid(UUID id) {
        body.writeLong(id.getMostSignificantBits());
        body.writeLong(id.getLeastSignificantBits());
    }

    /** The whole list: format byte, dictionary, body. */
    public byte[] finish() {
        try {
            ByteArrayOutputStream all =
                    new ByteArrayOutputStream(body.size() + order.size() * 24 + 8);
            DataOutputStream out = new DataOutputStream(all);
            out.writeByte(format);
            out.writeInt(order.size());
            for (String s : order) {
                out.writeUTF(s);
            }
            out.write(body.array(), 0, body.size());
            out.flush();
            return all.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
