import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.function.LongToIntFunction;

/**
 * The load client of the intake benchmarks: POST /api/v1/tickets, one ticket a call, each with an Idempotency-Key.
 *
 * <pre>
 * java IntakeLoad.java closed --clients 8 --seconds 30 --warmup 10   # tickets/s with 8 clients sending back to back
 * java IntakeLoad.java open --rate 500 --seconds 60 --warmup 10      # latency at a fixed arrival rate
 * java IntakeLoad.java burst --count 100000 --clients 32 --log sent.csv   # each key and the answer, if any
 * java IntakeLoad.java retry --log sent.csv --out retried.csv             # the unacknowledged keys again
 * </pre>
 *
 * Every mode also takes --url (http://localhost:8080), --token (an API token acting as an agent) and --customers (how
 * many customers are loaded; codes C0000001 ...). The open loop sends each request at its intended time whether or
 * not earlier ones were answered, and measures latency from that time, so that a stall counts against every request
 * that should have been sent during it.
 */
public class IntakeLoad {

    private static final String[] TYPES = {"INQUIRY", "COMPLAINT", "URGENT_REQUEST", "TECHNICAL_ISSUE", "RETURN_EXCHANGE"};
    private static final String[] PRIORITIES = {"LOW", "NORMAL", "HIGH", "URGENT"};
    private static final String[] CHANNELS = {"API", "WEB_FORM", "APP", "PHONE", "EMAIL", "SOCIAL"};

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private final URI endpoint;
    private final String token;
    private final int customers;

    IntakeLoad(Map<String, String> options) {
        this.endpoint = URI.create(options.getOrDefault("url", "http://localhost:8080") + "/api/v1/tickets");
        this.token = required(options, "token");
        this.customers = Integer.parseInt(required(options, "customers"));
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new HashMap<>();
        for (int i = 1; i + 1 < args.length; i += 2) {
            options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
        }
        var load = new IntakeLoad(options);
        switch (args.length == 0 ? "" : args[0]) {
            case "closed" -> load.closedLoop(integer(options, "clients", 8), integer(options, "seconds", 30),
                    integer(options, "warmup", 10));
            case "floor" -> load.floor(options.getOrDefault("path", "/api/v1/tiering/tiers"),
                    integer(options, "clients", 8), integer(options, "seconds", 30), integer(options, "warmup", 10));
            case "open" -> load.openLoop(integer(options, "rate", 500), integer(options, "seconds", 60),
                    integer(options, "warmup", 10));
            case "burst" -> load.burst(integer(options, "count", 100_000), integer(options, "clients", 32),
                    Path.of(required(options, "log")));
            case "retry" -> load.retry(Path.of(required(options, "log")), Path.of(required(options, "out")),
                    integer(options, "clients", 8));
            default -> throw new IllegalArgumentException("mode: closed, floor, open, burst or retry");
        }
    }

    /** Clients sending one ticket after the other; prints the tickets per second after the warm-up. */
    void closedLoop(int clients, int seconds, int warmup) throws InterruptedException {
        Counted made = closed(clients, seconds, warmup, sequence -> send(UUID.randomUUID().toString(), sequence), 201);
        System.out.printf("clients %d: %d tickets in %d s = %.1f tickets/s, errors %d%n", clients, made.answered(),
                seconds, made.answered() / (double) seconds, made.errors());
    }

    /**
     * The floor under the intake: clients reading a small resource with the same token, one call after the other;
     * what the HTTP server, the token check and JSON cost a call on this machine, with next to no work behind them.
     */
    void floor(String path, int clients, int seconds, int warmup) throws InterruptedException {
        HttpRequest get = HttpRequest.newBuilder(endpoint.resolve(path)).header("Authorization", "Bearer " + token)
                .header("Accept", "application/json").timeout(Duration.ofSeconds(30)).GET().build();
        Counted calls = closed(clients, seconds, warmup, sequence -> {
            try {
                return http.send(get, HttpResponse.BodyHandlers.discarding()).statusCode();
            } catch (IOException e) {
                return 0;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return 0;
            }
        }, 200);
        System.out.printf("clients %d: GET %s %d times in %d s = %.1f calls/s, errors %d%n", clients, path,
                calls.answered(), seconds, calls.answered() / (double) seconds, calls.errors());
    }

    /** Calls answered as expected, and the others, during the measured seconds. */
    private record Counted(long answered, long errors) {
    }

    /** Clients calling back to back; the calls answered with {@code expected} during the measured seconds. */
    private Counted closed(int clients, int seconds, int warmup, LongToIntFunction call, int expected)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + Duration.ofSeconds(warmup).toNanos();
        long measureTo = measureFrom + Duration.ofSeconds(seconds).toNanos();
        var answered = new AtomicLong();
        var failed = new AtomicLong();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                long sequence = 0;
                while (System.nanoTime() < measureTo) {
                    int status = call.applyAsInt(sequence++);
                    long now = System.nanoTime();
                    if (now >= measureFrom && now < measureTo) {
                        (status == expected ? answered : failed).incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new Counted(answered.get(), failed.get());
    }

    /** Requests at a fixed rate, each timed from its intended send time; prints the percentiles and the errors. */
    void openLoop(int rate, int seconds, int warmup) throws InterruptedException {
        int warmupRequests = rate * warmup;
        int total = warmupRequests + rate * seconds;
        long[] latencies = new long[total];
        var errors = new AtomicInteger();
        var done = new CountDownLatch(total);
        double interval = 1_000_000_000.0 / rate;
        long start = System.nanoTime() + 100_000_000L;
        for (int i = 0; i < total; i++) {
            long intended = start + (long) (i * interval);
            long wait = intended - System.nanoTime();
            if (wait > 0) {
                LockSupport.parkNanos(wait);
            }
            int index = i;
            http.sendAsync(request(UUID.randomUUID().toString(), i), HttpResponse.BodyHandlers.discarding())
                    .whenComplete((response, failure) -> {
                        latencies[index] = System.nanoTime() - intended;
                        if ((failure != null || response.statusCode() != 201) && index >= warmupRequests) {
                            errors.incrementAndGet();
                        }
                        done.countDown();
                    });
        }
        done.await();
        long[] measured = Arrays.copyOfRange(latencies, warmupRequests, total);
        Arrays.sort(measured);
        System.out.printf("open loop at %d tickets/s for %d s after %d s of warm-up: %d requests, p50 %.1f ms, "
                        + "p90 %.1f ms, p99 %.1f ms, max %.1f ms, errors %d%n", rate, seconds, warmup, measured.length,
                millis(percentile(measured, 50)), millis(percentile(measured, 90)), millis(percentile(measured, 99)),
                millis(measured[measured.length - 1]), errors.get());
    }

    /**
     * Sends {@code count} tickets, each with its own key, and logs every key with the answer's status and ticket (0
     * and none when no answer came back). The body follows from the key's number, so that a retry sends the same.
     */
    void burst(int count, int clients, Path log) throws InterruptedException, IOException {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String[] answers = new String[count];
        var next = new AtomicInteger();
        var acknowledged = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                    String key = "burst-" + run + "-" + i;
                    Answer answer = answer(key, i);
                    answers[i] = key + "," + i + "," + answer.status() + "," + answer.ticket();
                    if (answer.acknowledged()) {
                        acknowledged.incrementAndGet();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        write(log, answers);
        System.out.printf("burst %s: sent %d, acknowledged %d%n", run, count, acknowledged.get());
    }

    /** Sends again, with its key and the same body, every logged request that was not acknowledged. */
    void retry(Path log, Path out, int clients) throws IOException, InterruptedException {
        List<String[]> unacknowledged = Files.readAllLines(log).stream().map(line -> line.split(","))
                .filter(fields -> !Answer.acknowledged(Integer.parseInt(fields[2]))).toList();
        String[] answers = new String[unacknowledged.size()];
        var next = new AtomicInteger();
        var threads = new ArrayList<Thread>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < answers.length; i = next.getAndIncrement()) {
                    String key = unacknowledged.get(i)[0];
                    long sequence = Long.parseLong(unacknowledged.get(i)[1]);
                    Answer answer = answer(key, sequence);
                    for (int attempt = 1; !answer.acknowledged() && attempt < 5; attempt++) {
                        pause(Duration.ofSeconds(1));
                        answer = answer(key, sequence);
                    }
                    answers[i] = key + "," + sequence + "," + answer.status() + "," + answer.ticket();
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
        write(out, answers);
        System.out.printf("retried %d%n", answers.length);
    }

    /** The answer's status (0 when none came back) and the ticket it names. */
    private record Answer(int status, String ticket) {

        boolean acknowledged() {
            return acknowledged(status);
        }

        /** 201 made the ticket, 200 found the one an earlier request with the key made. */
        static boolean acknowledged(int status) {
            return status == 201 || status == 200;
        }
    }

    private static void pause(Duration duration) {
        LockSupport.parkNanos(duration.toNanos());
    }

    private Answer answer(String key, long sequence) {
        try {
            HttpResponse<String> response = http.send(request(key, sequence), HttpResponse.BodyHandlers.ofString());
            String ticket = response.headers().firstValue("Location").map(l -> l.substring(l.lastIndexOf('/') + 1))
                    .orElse("");
            return new Answer(response.statusCode(), ticket);
        } catch (IOException e) {
            return new Answer(0, "");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new Answer(0, "");
        }
    }

    private int send(String key, long sequence) {
        try {
            return http.send(request(key, sequence), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            return 0;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 0;
        }
    }

    /** A ticket request that depends only on its key and number: a retry sends the very same body. */
    private HttpRequest request(String key, long sequence) {
        String customer = String.format("C%07d", 1 + Math.floorMod(key.hashCode() + sequence, customers));
        String body = """
                {"channel":"%s","customer":"%s","requester":{"name":"Li Lei","email":"li.lei@example.com",\
                "phone":"+86 138 0000 0000"},"subject":"Request %s","type":"%s","priority":"%s",\
                "description":"The parcel came with a broken seal and the screen is cracked. Please send a replacement.",\
                "tags":["bench"]}""".formatted(CHANNELS[(int) (sequence % CHANNELS.length)], customer, key,
                TYPES[(int) (sequence % TYPES.length)], PRIORITIES[(int) (sequence / TYPES.length % PRIORITIES.length)]);
        return HttpRequest.newBuilder(endpoint).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .header("Idempotency-Key", key).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    private static void write(Path file, String[] lines) throws IOException {
        try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(file))) {
            for (String line : lines) {
                out.println(line);
            }
        }
    }

    private static long percentile(long[] sorted, int percent) {
        return sorted[Math.max(0, (int) Math.ceil(sorted.length * percent / 100.0) - 1)];
    }

    private static double millis(long nanos) {
        return nanos / 1_000_000.0;
    }

    private static String required(Map<String, String> options, String name) {
        String value = options.get(name);
        if (value == null) {
            throw new IllegalArgumentException("--" + name + " is required");
        }
        return value;
    }

    private static int integer(Map<String, String> options, String name, int otherwise) {
        return options.containsKey(name) ? Integer.parseInt(options.get(name)) : otherwise;
    }
}
