package org.ramsetu.platform.runlists;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * The body of a stored list: the bytes {@link java.io.DataOutputStream} would write (big-endian,
 * canonical NaN), into memory, with no stream in between. A run's list holds 10⁵ rows of some 20
 * fields each; a data stream over a byte-array stream locked and copied for every field.
 */
public final class RowOutput {

    private static final VarHandle SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.BIG_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.BIG_ENDIAN);

    private byte[] bytes;
    private int size;

    RowOutput(int capacity) {
        bytes = new byte[Math.max(64, capacity)];
    }

    public void writeBoolean(boolean v) {
        writeByte(v ? 1 : 0);
    }

    /** The low eight bits of {@code v}. */
    public void writeByte(int v) {
        room(1);
        bytes[size++] = (byte) v;
    }

    /** The low sixteen bits of {@code v}. */
    public void writeShort(int v) {
        room(2);
        SHORT.set(bytes, size, (short) v);
        size += 2;
    }

    public void writeInt(int v) {
        room(4);
        INT.set(bytes, size, v);
        size += 4;
    }

    public void writeLong(long v) {
        room(8);
        LONG.set(bytes, size, v);
        size += 8;
    }

    public void writeDouble(double v) {
        writeLong(Double.doubleToLongBits(v));
    }

    int size() {
        return size;
    }

    byte[] array() {
        return bytes;
    }

    private void room(int needed) {
        if (needed > bytes.length - size) {
            long wanted = Math.max((long) bytes.length * 2, (long) size + needed);
            if (wanted > Integer.MAX_VALUE - 8) {
                throw new OutOfMemoryError("a stored list over 2 GB");
            }
            bytes = Arrays.copyOf(bytes, (int) wanted);
        }
    }
}
