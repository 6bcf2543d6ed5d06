package net.historyarchive.search.ingest;

import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import net.historyarchive.search.view.ChangeEvent;

/**
 * One poll's records decoded: the newest event per document (older ones in the same poll can never
 * win the version check) with the record it came in, the records that can never be applied, and the newest record time.
 * Compaction tombstones (null values) are skipped: the deletion event before each carried the version.
 */
public record DecodedBatch(Map<UUID, ChangeEvent> newest, Map<UUID, ConsumerRecord<String, byte[]>> sources, List<Poison> poison,
                           Instant newestTime, int records) {

    /** A record that is not a valid change event, and why. */
    public record Poison(ConsumerRecord<String, byte[]> record, String reason) {
    }

    public static DecodedBatch decode(EventDecoder decoder, Iterable<ConsumerRecord<String, byte[]>> records) {
        Map<UUID, ChangeEvent> newest = new LinkedHashMap<>();
        Map<UUID, ConsumerRecord<String, byte[]>> sources = new LinkedHashMap<>();
        List<Poison> poison = new ArrayList<>();
        Instant newestTime = null;
        int count = 0;
        for (ConsumerRecord<String, byte[]> record : records) {
            count++;
            if (record.value() == null) {
                continue;
            }
            try {
                ChangeEvent event = decoder.decode(record.key(), record.value());
                ChangeEvent held = newest.get(event.documentId());
                if (held == null || event.version() > held.version()) {
                    newest.put(event.documentId(), event);
                    sources.put(event.documentId(), record);
                }
                Instant time = Instant.ofEpochMilli(record.timestamp());
                newestTime = newestTime == null || time.isAfter(newestTime) ? time : newestTime;
            } catch (EventDecoder.PoisonEvent e) {
                poison.add(new Poison(record, e.getMessage()));
            }
        }
        return new DecodedBatch(newest, sources, poison, newestTime, count);
    }

    public Collection<ChangeEvent> events() {
        return newest.values();
    }
}
