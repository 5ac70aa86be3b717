import java.io.IOException;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The queue benchmark's client: signs in to the console as a person, then asks for the first page of a queue view,
 * one request after the other, going round the 20 filter combinations; warm-up requests first (not counted), then the
 * measured ones, which carry {@code m=1} so that the server's access log tells them apart. Prints the client's own
 * timings of the measured requests (the server's come from its access log).
 *
 * <pre>
 * java QueueLoad.java URL USER PASSWORD PATH WARMUP REQUESTS [none]
 * </pre>
 *
 * PATH is the view ({@code /tickets}, {@code /tickets/all}, {@code /tickets/board}); with {@code none} it is asked
 * without filters (the board has none).
 */
public class QueueLoad {

    /** The fixed filter combinations: tier, type, status, channel and risk, alone and together. */
    static final List<String> FILTERS = List.of(
            "",
            "tier=VIP",
            "tier=KEY",
            "tier=WATCH",
            "type=COMPLAINT",
            "type=TECHNICAL_ISSUE",
            "status=NEW",
            "status=PENDING_CUSTOMER",
            "channel=CHAT",
            "channel=EMAIL",
            "risk=BREACHED",
            "risk=AT_RISK",
            "risk=ON_TRACK",
            "tier=VIP&risk=AT_RISK",
            "tier=VIP&type=COMPLAINT",
            "tier=KEY&status=OPEN",
            "type=URGENT_REQUEST&channel=PHONE",
            "status=REOPENED&risk=BREACHED",
            "tier=VIP&channel=CHAT&status=NEW",
            "tier=REGULAR&type=RETURN_EXCHANGE&channel=WEB_FORM&risk=ON_TRACK");

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    public static void main(String[] args) throws Exception {
        String url = args[0];
        String path = args[3];
        int warmup = Integer.parseInt(args[4]);
        int requests = Integer.parseInt(args[5]);
        List<String> filters = args.length > 6 && args[6].equals("none") ? List.of("") : FILTERS;
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        signIn(http, url, args[1], args[2]);

        for (int i = 0; i < warmup; i++) {
            get(http, url + path + "?" + filters.get(i % filters.size()));
        }
        long[] micros = new long[requests];
        for (int i = 0; i < requests; i++) {
            String filter = filters.get(i % filters.size());
            long started = System.nanoTime();
            get(http, url + path + "?" + (filter.isEmpty() ? "" : filter + "&") + "m=1");
            micros[i] = (System.nanoTime() - started) / 1_000;
        }
        Arrays.sort(micros);
        System.out.printf("client %s: %d requests, p50 %.1f ms, p95 %.1f ms, p99 %.1f ms, max %.1f ms%n", path,
                requests, at(micros, 0.50), at(micros, 0.95), at(micros, 0.99), micros[requests - 1] / 1000.0);
    }

    private static double at(long[] sorted, double share) {
        return sorted[(int) Math.ceil(share * sorted.length) - 1] / 1000.0;
    }

    private static void signIn(HttpClient http, String url, String user, String password) throws Exception {
        Matcher csrf = CSRF.matcher(get(http, url + "/login"));
        if (!csrf.find()) {
            throw new IllegalStateException("no CSRF token on the sign-in page");
        }
        String form = form(Map.of("username", user, "password", password, "_csrf", csrf.group(1)));
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url + "/login"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        String location = answer.headers().firstValue("Location").orElse("");
        if (answer.statusCode() != 302 || location.contains("error")) {
            throw new IllegalStateException("signing in as " + user + " failed: " + answer.statusCode() + " " + location);
        }
    }

    private static String get(HttpClient http, String url) throws IOException, InterruptedException {
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        if (answer.statusCode() != 200) {
            throw new IllegalStateException(url + " answered " + answer.statusCode());
        }
        return answer.body();
    }

    private static String form(Map<String, String> fields) {
        var parts = new ArrayList<String>();
        fields.forEach((name, value) -> parts.add(name + "=" + URLEncoder.encode(value, StandardCharsets.UTF_8)));
        return String.join("&", parts);
    }
}
