import java.io.*;
import java.net.*;
import java.net.http.*;
import java.nio.file.*;
import java.time.Duration;
import java.util.*;

/**
 * {@code Attack PID PORT IDLE SLOW SECONDS}: opens IDLE idle connections and SLOW slow ones (a byte
 * a second, a request never finished) to 127.0.0.1:PORT, then scrapes once a second for SECONDS,
 * printing the threads and RSS of process PID and each scrape's status, size and latency.
 */
public class Attack {
    static String proc(long pid) throws IOException {
        String threads = "?", rss = "?";
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) threads = line.substring(8).trim();
            if (line.startsWith("VmRSS:")) rss = line.substring(6).trim();
        }
        return "threads=" + threads + " rss=" + rss;
    }
    public static void main(String[] a) throws Exception {
        long pid = Long.parseLong(a[0]); int port = Integer.parseInt(a[1]);
        int idle = Integer.parseInt(a[2]), slow = Integer.parseInt(a[3]), seconds = Integer.parseInt(a[4]);
        String path = a.length > 5 ? a[5] : "/metrics";
        HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(20)).build();
        System.out.println("before: " + proc(pid) + " " + scrape(http, port, path));
        List<Socket> sockets = new ArrayList<>();
        List<OutputStream> slowOut = new ArrayList<>();
        long t0 = System.nanoTime();
        int failed = 0;
        try {
            for (int i = 0; i < idle + slow; i++) {
                Socket s = new Socket();
                try {
                    s.connect(new InetSocketAddress("127.0.0.1", port), 5000);
                    sockets.add(s);
                    if (i >= idle) { OutputStream o = s.getOutputStream(); o.write('G'); o.flush(); slowOut.add(o); }
                } catch (IOException e) { failed++; s.close(); }
            }
            System.out.printf("opened %d (failed %d) in %d ms%n", sockets.size(), failed, (System.nanoTime() - t0) / 1_000_000);
            for (int sec = 0; sec < seconds; sec++) {
                int alive = 0;
                for (OutputStream o : slowOut) {
                    try { o.write('a'); o.flush(); alive++; } catch (IOException e) { }
                }
                System.out.println("t=" + sec + "s " + proc(pid) + " slow-writable=" + alive + " " + scrape(http, port, path));
                Thread.sleep(1000);
            }
        } finally {
            for (Socket s : sockets) s.close();
        }
        Thread.sleep(2000);
        System.out.println("after close: " + proc(pid) + " " + scrape(http, port, path));
    }
    static String scrape(HttpClient http, int port, String path) {
        long t = System.nanoTime();
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            return "scrape=" + r.statusCode() + "/" + r.body().length() + "B/" + (System.nanoTime() - t) / 1_000_000 + "ms";
        } catch (Exception e) {
            return "scrape=FAILED(" + e.getClass().getSimpleName() + ") after " + (System.nanoTime() - t) / 1_000_000 + "ms";
        }
    }
}
