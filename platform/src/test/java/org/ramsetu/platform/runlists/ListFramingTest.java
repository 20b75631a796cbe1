package org.ramsetu.platform.runlists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Arrays;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ListFramingTest {

    @Test
    void rowsReadBackWithTheirWordsAndARepeatedWordIsStoredOnce() throws IOException {
        UUID id = UUID.randomUUID();
        ListWriter w = new ListWriter(7, 16);
        for (int i = 0; i < 1_000; i++) {
            w.writeUuid(id);
            w.writeWord("ABO_INCOMPATIBLE");
            w.body().writeDouble(i / 3.0);
        }
        w.writeWord("the last");
        byte[] stored = w.finish();

        assertThat(ListReader.format(stored)).isEqualTo(7);
        assertThat(stored.length).isLessThan(1_000 * (16 + 4 + 8) + 64);
        ListReader r = new ListReader(stored, 7, "a test list");
        for (int i = 0; i < 1_000; i++) {
            assertThat(r.uuid()).isEqualTo(id);
            assertThat(r.word()).isEqualTo("ABO_INCOMPATIBLE");
            assertThat(r.in().readDouble()).isEqualTo(i / 3.0);
        }
        assertThat(r.word()).isEqualTo("the last");
        assertThat(r.in().read()).isEqualTo(-1);
    }

    @Test
    void wordsReadBackWhetherTheSameInstanceEqualTextOrMoreThanTheWriterRemembers()
            throws IOException {
        // 20 distinct words cycle through a writer that recognises its last few by reference;
        // every other one is a fresh copy of the text, which must map to the same entry.
        String[] words = new String[20];
        for (int k = 0; k < words.length; k++) {
            words[k] = "word-" + k;
        }
        ListWriter w = new ListWriter(3, 16);
        for (int i = 0; i < 500; i++) {
            String word = words[(i * 7) % words.length];
            w.writeWord(i % 2 == 0 ? word : new String(word));
            w.writeWord(words[i % 3]);
        }
        byte[] stored = w.finish();

        assertThat(stored.length).isLessThan(500 * 8 + 20 * 12 + 16); // each word stored once
        ListReader r = new ListReader(stored, 3, "a test list");
        for (int i = 0; i < 500; i++) {
            assertThat(r.word()).isEqualTo(words[(i * 7) % words.length]);
            assertThat(r.word()).isEqualTo(words[i % 3]);
        }
        assertThat(r.in().read()).isEqualTo(-1);
        // a writer's empty recent slots must not answer for a null word
        assertThatThrownBy(() -> new ListWriter(3, 16).writeWord(null))
                .isInstanceOf(NullPointerException.class);
    }

    /**
     * Lists stored by earlier releases were written with a data stream: the bytes must not move.
     */
    @Test
    void rowsAreTheBytesADataStreamWrites() throws IOException {
        RowOutput rows = new RowOutput(1);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        DataOutputStream data = new DataOutputStream(expected);
        double[] doubles = {
            0.0,
            -0.0,
            1.0 / 3,
            Double.NaN,
            Double.longBitsToDouble(0x7ff8dead00000001L),
            Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE
        };
        long[] longs = {0, -1, Long.MIN_VALUE, Long.MAX_VALUE, 0x0102030405060708L};
        int[] ints = {
            0, -1, Integer.MIN_VALUE, Integer.MAX_VALUE, 0x01020304, 40_000, -129, 255, 256
        };
        for (int round = 0; round < 50; round++) { // past the first capacity, to grow
            for (double d : doubles) {
                rows.writeDouble(d);
                data.writeDouble(d);
            }
            for (long l : longs) {
                rows.writeLong(l);
                data.writeLong(l);
            }
            for (int i : ints) {
                rows.writeInt(i);
                data.writeInt(i);
                rows.writeShort(i);
                data.writeShort(i);
                rows.writeByte(i);
                data.writeByte(i);
            }
            rows.writeBoolean(round % 2 == 0);
            data.writeBoolean(round % 2 == 0);
        }

        assertThat(Arrays.copyOf(rows.array(), rows.size())).isEqualTo(expected.toByteArray());
    }

    @Test
    void aListOfAnotherFormatOrNoneIsRefusedByName() {
        byte[] stored = new ListWriter(2, 0).finish();

        assertThatThrownBy(() -> new ListReader(stored, 1, "a stored allocation run"))
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("a stored allocation run is stored in format 2, not 1");
        assertThatThrownBy(() -> new ListReader(new byte[0], 1, "a stored list"))
                .hasMessage("a stored list is stored in format (empty), not 1");
        assertThat(ListReader.format(new byte[0])).isEqualTo(-1);
        assertThatThrownBy(() -> new ListWriter(0x1f + 200, 0))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
