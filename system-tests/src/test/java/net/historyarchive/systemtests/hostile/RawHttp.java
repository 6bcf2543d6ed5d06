package net.historyarchive.systemtests.hostile;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * HTTP/1.1 over a plain socket, byte for byte as the request says: duplicate headers, control
 * characters, lying Content-Types, invalid UTF-8 and broken framing reach the server unchanged
 * (the JDK's HttpClient refuses to send most of them). One connection is kept alive between
 * well-framed requests; a request that breaks the framing gets a connection of its own.
 */
final class RawHttp implements AutoCloseable {

    /** An answer: status, headers in order, body. {@code status} is -1 when the server closed without answering. */
    record Answer(int status, List<HostileRequest.Header> headers, byte[] body, boolean http10) {

        Answer(int status, List<HostileRequest.Header> headers, byte[] body) {
            this(status, headers, body, false);
        }

        static Answer none() {
            return new Answer(-1, List.of(), new byte[0]);
        }

        Optional<String> header(String name) {
            return headers.stream().filter(h -> h.name().equalsIgnoreCase(name)).map(HostileRequest.Header::text).findFirst();
        }

        String bodyText() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    private static final int READ_TIMEOUT_MS = 60_000;
    private static final int MAX_BODY = 16 * 1024 * 1024;

    private final String host;
    private final int port;
    private Socket socket;
    private InputStream in;
    private OutputStream out;

    RawHttp(URI base) {
        this.host = base.getHost();
        this.port = base.getPort();
    }

    /**
     * Sends the request and reads one answer. Requests marked {@link HostileRequest#breaksFraming()}
     * go on a fresh connection that is closed afterwards; a connection the server closed (or may
     * have closed) is replaced before the next request.
     */
    Answer exchange(HostileRequest request, String target) throws IOException {
        if (request.breaksFraming()) {
            disconnect();
        }
        byte[] bytes = request.wireBytes(target, host + ":" + port);
        boolean reused = socket != null;
        Answer answer;
        try {
            answer = sendAndRead(bytes, request);
        } catch (IOException firstTry) {
            if (request.breaksFraming() || !reused) {
                disconnect();
                throw firstTry;
            }
            answer = Answer.none();
        }
        if (answer.status() < 0 && reused && !request.breaksFraming()) {
            // A kept-alive connection the server had closed (after a 414, say): one retry on a new one.
            disconnect();
            answer = sendAndRead(bytes, request);
        }
        boolean close = request.breaksFraming() || answer.status() < 0 || answer.http10()
                || answer.header("Connection").map(v -> v.toLowerCase(Locale.ROOT).contains("close")).orElse(false);
        if (close) {
            disconnect();
        }
        return answer;
    }

    private Answer sendAndRead(byte[] bytes, HostileRequest request) throws IOException {
        if (socket == null) {
            socket = new Socket();
            socket.connect(new InetSocketAddress(host, port), 5_000);
            socket.setSoTimeout(READ_TIMEOUT_MS);
            socket.setTcpNoDelay(true);
            in = new BufferedInputStream(socket.getInputStream(), 64 * 1024);
            out = socket.getOutputStream();
        }
        try {
            out.write(bytes);
            out.flush();
            if (request.breaksFraming() && request.body() != null) {
                // A body shorter than its Content-Length must not leave the server waiting for the rest.
                socket.shutdownOutput();
            }
        } catch (IOException e) {
            // The server may answer (413, 431) and close before reading a large request: read that answer.
            socket.shutdownOutput();
        }
        return read("HEAD".equals(request.method()));
    }

    private Answer read(boolean head) throws IOException {
        String statusLine = line();
        if (statusLine == null) {
            return Answer.none();
        }
        String[] parts = statusLine.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP status line: " + statusLine);
        }
        int status = Integer.parseInt(parts[1]);
        List<HostileRequest.Header> headers = new ArrayList<>();
        for (String line = line(); line != null && !line.isEmpty(); line = line()) {
            int colon = line.indexOf(':');
            headers.add(HostileRequest.Header.of(line.substring(0, colon).trim(), line.substring(colon + 1).trim()));
        }
        boolean http10 = parts[0].equals("HTTP/1.0");
        Answer partial = new Answer(status, headers, new byte[0], http10);
        if (head || status == 204 || status == 304 || status / 100 == 1) {
            return partial;
        }
        Optional<String> length = partial.header("Content-Length");
        if (partial.header("Transfer-Encoding").map(v -> v.equalsIgnoreCase("chunked")).orElse(false)) {
            return new Answer(status, headers, chunked(), http10);
        }
        if (length.isPresent()) {
            return new Answer(status, headers, in.readNBytes(Integer.parseInt(length.get())), http10);
        }
        // Delimited by the end of the connection.
        byte[] body = in.readNBytes(MAX_BODY);
        disconnect();
        return new Answer(status, headers, body, http10);
    }

    private byte[] chunked() throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String size = line();
            if (size == null) {
                throw new IOException("connection closed inside a chunked body");
            }
            int n = Integer.parseInt(size.split(";", 2)[0].trim(), 16);
            if (n == 0) {
                for (String trailer = line(); trailer != null && !trailer.isEmpty(); trailer = line()) {
                    // trailers are ignored
                }
                return body.toByteArray();
            }
            body.write(in.readNBytes(n));
            line();
        }
    }

    /** One CRLF-terminated line as ISO-8859-1, or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int len = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, len, StandardCharsets.ISO_8859_1);
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private void disconnect() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already gone
            }
        }
        socket = null;
        in = null;
        out = null;
    }

    @Override
    public void close() {
        disconnect();
    }
}
