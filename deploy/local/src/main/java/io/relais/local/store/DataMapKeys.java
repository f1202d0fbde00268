package io.relais.local.store;

import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

import java.nio.ByteBuffer;

/**
 * The key type of the store's data maps (each collection's documents by {@code _id}): H2's {@link ObjectDataType}
 * — the same format on disk and the same order, so existing data files stay readable — whose calls take turns.
 *
 * <p>Why: {@code ObjectDataType} keeps per map the kind of the last key it handled and switches it on every
 * comparison, write and memory estimate. MVStore's background writer serialises a page's keys on its own thread
 * while commands compare keys on theirs, so in a collection whose {@code _id} values are of several kinds (strings,
 * ObjectIds, numbers, documents: any MongoDB client may mix them) a comparison could run with the other thread's kind
 * and fail ("Can not compare"), failing the command. Each call here holds this instance's monitor; uncontended, as
 * nearly always, that costs a few nanoseconds per comparison ({@code DataMapKeysTest} shows the race and its end).
 */
public final class DataMapKeys extends ObjectDataType {

    /** Orders two keys as {@link ObjectDataType#compare}; negative, zero or positive as {@code a} sorts before, with or after {@code b}. */
    @Override
    public synchronized int compare(Object a, Object b) {
        return super.compare(a, b);
    }

    /** {@link ObjectDataType#getMemory}: the estimated heap of a key, in bytes. */
    @Override
    public synchronized int getMemory(Object key) {
        return super.getMemory(key);
    }

    /** {@link ObjectDataType#write}: appends a key's stock serialised form. */
    @Override
    public synchronized void write(WriteBuffer buffer, Object key) {
        super.write(buffer, key);
    }

    /** {@link ObjectDataType#read}: reads a key written by {@link #write} or by the stock type. */
    @Override
    public synchronized Object read(ByteBuffer buffer) {
        return super.read(buffer);
    }
}
