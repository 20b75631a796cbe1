package org.ramsetu.platform.matching.runs;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.zip.Deflater;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.MappingIterator;
import tools.jackson.databind.json.JsonMapper;

/**
 * A run's full candidate or exclusion list as stored: a JSON array, gzip-compressed at the fastest
 * level. A kidney run over 100,000 pledges lists about 40,000 entries (15 MB of JSON); parsing that
 * into JSONB and compressing it with PostgreSQL's pglz cost about a second per run, against tens of
 * milliseconds for deflate in the application and a plain {@code bytea} write. The lists are never
 * queried inside the database (the {@code match} table answers "which proposals involve this
 * pledge"), only read back from the start, so nothing is lost by storing them opaque.
 */
final class CompressedList {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private CompressedList() {}

    static byte[] of(List<?> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream(64 + entries.size() * 120);
        try (GZIPOutputStream gzip = new FastGzip(bytes)) {
            JSON.writeValue(gzip, entries);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    /** The first {@code count} entries, decompressing and parsing no further than needed. */
    static <T> List<T> head(byte[] stored, int count, Class<T> type) {
        List<T> head = new ArrayList<>(Math.min(count, 1_024));
        if (count == 0) {
            return head;
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 65_536);
                MappingIterator<T> entries = JSON.readerFor(type).readValues(in)) {
            while (head.size() < count && entries.hasNextValue()) {
                head.add(entries.nextValue());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored match run list could not be read", e);
        }
        return head;
    }

    /**
     * The {@code pledgeId} of every entry of a stored candidate list, in stored (rank) order,
     * without building the entries: a re-processing batch compares the order of tens of thousands
     * of candidates per run and needs nothing else of them.
     */
    static List<UUID> pledgeOrder(byte[] stored) {
        List<UUID> order = new ArrayList<>();
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(stored), 65_536);
                JsonParser parser = JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_ARRAY) {
                throw new IllegalStateException("a stored match run list is not a JSON array");
            }
            while (parser.nextToken() == JsonToken.START_OBJECT) {
                JsonToken t;
                while ((t = parser.nextToken()) == JsonToken.PROPERTY_NAME) {
                    String name = parser.currentName();
                    JsonToken value = parser.nextToken();
                    if ("pledgeId".equals(name) && value == JsonToken.VALUE_STRING) {
                        order.add(UUID.fromString(parser.getString()));
                    } else {
                        parser.skipChildren();
                    }
                }
                if (t != JsonToken.END_OBJECT) {
                    throw new IllegalStateException("a stored match run list is malformed");
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("a stored match run list could not be read", e);
        }
        return order;
    }

    private static final class FastGzip extends GZIPOutputStream {
        FastGzip(ByteArrayOutputStream out) throws IOException {
            super(out, 65_536);
            def.setLevel(Deflater.BEST_SPEED);
        }
    }
}
