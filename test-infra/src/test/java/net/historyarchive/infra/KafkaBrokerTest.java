package net.historyarchive.infra;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.ConnectException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class KafkaBrokerTest {

    @Test
    void temporaryBrokerSurvivesStopAndStartOnTheSamePort() throws Exception {
        try (KafkaBroker kafka = KafkaBroker.startTemporary()) {
            String bootstrap = kafka.bootstrapServers();
            int port = Integer.parseInt(bootstrap.substring(bootstrap.lastIndexOf(':') + 1));
            send(bootstrap, "documents", "before"); // auto-created topic

            kafka.stop();
            assertFalse(kafka.isRunning());
            assertThrows(ConnectException.class, () -> connect(port), "port closed while stopped");

            kafka.start();
            assertTrue(kafka.isRunning());
            assertEquals(bootstrap, kafka.bootstrapServers());
            send(bootstrap, "documents", "after");
            assertEquals(List.of("before", "after"), readAll(bootstrap, "documents", 2));
        }
    }

    @Test
    void persistentBrokerKeepsTopicsAcrossRestarts(@TempDir Path dir) throws Exception {
        int port = PostgresServerTest.freePort();
        int controllerPort = PostgresServerTest.freePort();
        try (KafkaBroker kafka = KafkaBroker.startPersistent(port, controllerPort, dir)) {
            assertEquals("localhost:" + port, kafka.bootstrapServers());
            send(kafka.bootstrapServers(), "kept", "one");
            kafka.stop();
            kafka.start(); // same port, same log dir
            send(kafka.bootstrapServers(), "kept", "two");
        }
        try (KafkaBroker kafka = KafkaBroker.startPersistent(port, controllerPort, dir)) {
            assertEquals(List.of("one", "two"), readAll(kafka.bootstrapServers(), "kept", 2));
        }
    }

    static void send(String bootstrap, String topic, String value) throws Exception {
        Map<String, Object> config = Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(config)) {
            producer.send(new ProducerRecord<>(topic, value)).get(60, TimeUnit.SECONDS);
        }
    }

    static List<String> readAll(String bootstrap, String topic, int expected) {
        Map<String, Object> config = Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        List<String> values = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config)) {
            consumer.subscribe(List.of(topic));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (values.size() < expected && System.nanoTime() < deadline) {
                for (ConsumerRecord<String, String> r : consumer.poll(Duration.ofMillis(500))) {
                    values.add(r.value());
                }
            }
        }
        return values;
    }

    private static void connect(int port) throws Exception {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("localhost", port), 2000);
        }
    }
}
