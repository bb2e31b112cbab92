import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;

/** Starts a separate metrics port on 127.0.0.1 and prints its port; runs until killed (or 600 s). */
public class PortServerMain {
    public static void main(String[] args) throws Exception {
        PrometheusRegistry registry = new PrometheusRegistry();
        Counter c = Counter.builder().name("orders_total").help("Orders").labelNames("shop").register(registry);
        for (int i = 0; i < 200; i++) c.labelValues("shop" + i).inc(i);
        AutoCloseable server;
        int port;
        if (args[0].equals("clientjava")) {
            var s = io.prometheus.metrics.exporter.httpserver.HTTPServer.builder().hostname("127.0.0.1").port(0)
                    .registry(registry).buildAndStart();
            server = s; port = s.getPort();
        } else {
            var s = io.github.promjaxrs.PrometheusMetrics.builder().registry(registry).build()
                    .startHttpServer("127.0.0.1", 0);
            server = s; port = s.getPort();
        }
        System.out.println("PORT " + port);
        System.out.flush();
        Thread.sleep(600_000);
        server.close();
    }
}
