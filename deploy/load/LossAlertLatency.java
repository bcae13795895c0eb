import jakarta.mail.FetchProfile;
import jakarta.mail.Folder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Store;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Loss report → leadership e-mail in the SMTP server's inbox, against the locally run system
 * (deploy/local/run.sh). Sends N reports at a fixed rate and watches the CEO's and the CTO's
 * mailboxes over IMAP (GreenMail, an IMAP NOOP every 5 ms), then prints latency percentiles.
 * Run through deploy/load/loss-alert-latency.sh.
 */
public class LossAlertLatency {

    private static final Pattern TAG = Pattern.compile("(BENCH-[0-9]+-[0-9]+)");

    public static void main(String[] args) throws Exception {
        Map<String, String> opt = options(args);
        String api = opt.getOrDefault("api", "http://127.0.0.1:8080");
        String token = System.getenv("CUSTODIAN_TOKEN");
        int rate = Integer.parseInt(opt.getOrDefault("rate", "20"));
        int count = Integer.parseInt(opt.getOrDefault("count", "400"));
        int warmup = Integer.parseInt(opt.getOrDefault("warmup", "20"));
        String imapHost = opt.getOrDefault("imap-host", "127.0.0.1");
        int imapPort = Integer.parseInt(opt.getOrDefault("imap-port", "3143"));
        List<String> leaders = List.of(opt.getOrDefault("ceo", "ceo@example.com"), opt.getOrDefault("cto", "cto@example.com"));

        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
        String run = Long.toString(System.currentTimeMillis() / 1000);

        // --- set-up: a group and one laptop per report ---
        String group = field(post(http, api + "/api/v1/groups", token,
                "{\"name\":\"Benchmark " + run + "\",\"contactEmail\":\"bench@example.com\"}"), "id");
        int total = warmup + count;
        for (int i = 0; i < total; i++) {
            post(http, api + "/api/v1/assets", token, "{\"assetTag\":\"" + tag(run, i)
                    + "\",\"name\":\"Benchmark laptop\",\"category\":\"laptop\",\"classification\":\"confidential\","
                    + "\"owner\":{\"type\":\"group\",\"id\":\"" + group + "\"}}");
        }
        System.out.printf("set up %d assets; watching %s over IMAP %s:%d%n", total, leaders, imapHost, imapPort);

        // --- watchers: one IMAP connection per leadership mailbox ---
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        Map<String, Long> acceptedAt = new ConcurrentHashMap<>();
        List<Map<String, Long>> arrivedAt = new ArrayList<>();
        CountDownLatch allArrived = new CountDownLatch(total * leaders.size());
        List<Thread> watchers = new ArrayList<>();
        for (String leader : leaders) {
            Map<String, Long> arrived = new ConcurrentHashMap<>();
            arrivedAt.add(arrived);
            Folder inbox = openInbox(imapHost, imapPort, leader);
            int[] seen = {inbox.getMessageCount()};
            Thread watcher = new Thread(() -> watch(inbox, seen, run, arrived, allArrived), "imap-" + leader);
            watcher.setDaemon(true);
            watcher.start();
            watchers.add(watcher);
        }

        // --- load: reports at a fixed rate ---
        ScheduledExecutorService clock = Executors.newScheduledThreadPool(2);
        long periodNanos = 1_000_000_000L / rate;
        CountDownLatch sent = new CountDownLatch(total);
        List<Long> httpMillis = Collections.synchronizedList(new ArrayList<>());
        int[] failures = {0};
        for (int i = 0; i < total; i++) {
            String tag = tag(run, i);
            boolean measured = i >= warmup;
            clock.schedule(() -> {
                String body = "{\"assetTag\":\"" + tag + "\",\"kind\":\"" + (tag.hashCode() % 2 == 0 ? "lost" : "stolen")
                        + "\",\"occurredAt\":\"" + Instant.now().minusSeconds(600) + "\",\"location\":\"benchmark\"}";
                long t0 = System.nanoTime();
                sentAt.put(tag, t0);
                http.sendAsync(request(api + "/api/v1/incidents", token, body), HttpResponse.BodyHandlers.ofString())
                        .whenComplete((response, error) -> {
                            long t1 = System.nanoTime();
                            if (error != null || response.statusCode() != 201) {
                                synchronized (failures) { failures[0]++; }
                                System.err.println("report " + tag + " failed: " + (error != null ? error : response.statusCode() + " " + response.body()));
                            } else {
                                acceptedAt.put(tag, t1);
                                if (measured) httpMillis.add((t1 - t0) / 1_000_000);
                            }
                            sent.countDown();
                        });
            }, i * periodNanos, TimeUnit.NANOSECONDS);
        }
        long started = System.nanoTime();
        sent.await(5, TimeUnit.MINUTES);
        double seconds = (System.nanoTime() - started) / 1e9;
        boolean complete = allArrived.await(60, TimeUnit.SECONDS);
        clock.shutdownNow();

        // --- figures ---
        List<Double> perMail = new ArrayList<>();
        List<Double> both = new ArrayList<>();
        int missing = 0;
        for (int i = warmup; i < total; i++) {
            String tag = tag(run, i);
            Long t0 = sentAt.get(tag);
            double last = 0;
            boolean all = true;
            for (Map<String, Long> arrived : arrivedAt) {
                Long t = arrived.get(tag);
                if (t == null || t0 == null) { all = false; missing++; continue; }
                double ms = (t - t0) / 1e6;
                perMail.add(ms);
                last = Math.max(last, ms);
            }
            if (all) both.add(last);
        }
        System.out.printf("%n%d loss reports at %d/s (achieved %.1f/s), %d warm-up reports not counted, %d failed, %d e-mails missing%s%n",
                count, rate, total / seconds, warmup, failures[0], missing, complete ? "" : " (timed out waiting)");
        // the very first report of the run, warm-up or not: right after deploy/local/run.sh said both
        // services are ready, the first loss report after a fresh start
        String first = tag(run, 0);
        double firstBoth = 0;
        for (Map<String, Long> arrived : arrivedAt) {
            Long t = arrived.get(first);
            firstBoth = t == null || sentAt.get(first) == null ? Double.NaN : Math.max(firstBoth, (t - sentAt.get(first)) / 1e6);
        }
        System.out.printf("  first report of the run -> both CEO and CTO e-mails: %.1f ms%n", firstBoth);
        print("HTTP POST /api/v1/incidents (201)      ", httpMillis.stream().map(Long::doubleValue).toList());
        print("report sent -> one leader's e-mail     ", perMail);
        print("report sent -> both CEO and CTO e-mails", both);
        System.exit(failures[0] == 0 && missing == 0 ? 0 : 1);
    }

    private static void watch(Folder inbox, int[] seen, String run, Map<String, Long> arrived, CountDownLatch latch) {
        FetchProfile envelope = new FetchProfile();
        envelope.add(FetchProfile.Item.ENVELOPE);
        while (true) {
            try {
                // an explicit NOOP: the mail client otherwise refreshes an open folder only once a second
                ((org.eclipse.angus.mail.imap.IMAPFolder) inbox)
                        .doCommand(protocol -> {
                            protocol.noop();
                            return null;
                        });
                int now = inbox.getMessageCount();
                if (now > seen[0]) {
                    long t = System.nanoTime();
                    Message[] fresh = inbox.getMessages(seen[0] + 1, now);
                    inbox.fetch(fresh, envelope);
                    for (Message m : fresh) {
                        Matcher matcher = TAG.matcher(String.valueOf(m.getSubject()));
                        if (matcher.find() && matcher.group(1).startsWith("BENCH-" + run + "-")
                                && arrived.putIfAbsent(matcher.group(1), t) == null) {
                            latch.countDown();
                        }
                    }
                    seen[0] = now;
                } else {
                    Thread.sleep(5);
                }
            } catch (InterruptedException e) {
                return;
            } catch (Exception e) {
                System.err.println("IMAP watcher: " + e);
                try { Thread.sleep(100); } catch (InterruptedException ie) { return; }
            }
        }
    }

    private static Folder openInbox(String host, int port, String user) throws Exception {
        Properties props = new Properties();
        props.put("mail.imap.host", host);
        props.put("mail.imap.port", String.valueOf(port));
        Store store = Session.getInstance(props).getStore("imap");
        store.connect(host, port, user, "any");
        Folder inbox = store.getFolder("INBOX");
        inbox.open(Folder.READ_ONLY);
        return inbox;
    }

    private static void print(String what, List<Double> millis) {
        if (millis.isEmpty()) { System.out.printf("  %s  no samples%n", what); return; }
        List<Double> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        System.out.printf("  %s  n=%d  p50=%6.1f ms  p95=%6.1f ms  p99=%6.1f ms  max=%6.1f ms%n",
                what, sorted.size(), pct(sorted, 50), pct(sorted, 95), pct(sorted, 99), sorted.get(sorted.size() - 1));
    }

    private static double pct(List<Double> sorted, double p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, Math.min(sorted.size() - 1, index)));
    }

    private static String tag(String run, int i) {
        return "BENCH-" + run + "-" + i;
    }

    private static HttpRequest request(String url, String token, String json) {
        return HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build();
    }

    private static String post(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> response = http.send(request(url, token, json), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 201) {
            throw new IllegalStateException(url + " -> " + response.statusCode() + " " + response.body());
        }
        return response.body();
    }

    private static String field(String json, String name) {
        Matcher m = Pattern.compile("\"" + name + "\"\\s*:\\s*\"([^\"]+)\"").matcher(json);
        if (!m.find()) throw new IllegalStateException("no " + name + " in " + json);
        return m.group(1);
    }

    private static Map<String, String> options(String[] args) {
        Map<String, String> opt = new ConcurrentHashMap<>();
        for (String arg : args) {
            if (arg.startsWith("--") && arg.contains("=")) {
                opt.put(arg.substring(2, arg.indexOf('=')), arg.substring(arg.indexOf('=') + 1));
            }
        }
        return opt;
    }
}
