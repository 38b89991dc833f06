package dev.seer.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The dashboard in a real headless Chromium (Debian's {@code chromium}): the rendered page is
 * checked (model versions, metric plot, jobs, event rate plot, a user's recommendations with
 * reasons) and a screenshot is written to {@code target/dashboard.png}.
 */
class DashboardBrowserTest {
  private static final String ROOT = "dashboard-test-root-key-0123";
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir static Path dir;
  static SeerServer server;
  static String base;
  static String admin;

  static String call(String method, String path, String key, String body) throws Exception {
    HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path));
    b.header("Authorization", "Bearer " + key);
    b.method(
        method,
        body == null
            ? HttpRequest.BodyPublishers.noBody()
            : HttpRequest.BodyPublishers.ofString(body));
    return HTTP.send(b.build(), HttpResponse.BodyHandlers.ofString()).body();
  }

  @BeforeAll
  static void start() throws Exception {
    server =
        SeerServer.start(
            new ServerConfig(
                "127.0.0.1",
                0,
                "jdbc:sqlite:" + dir.resolve("seer.db"),
                ROOT,
                Limits.defaults(),
                7));
    base = "http://127.0.0.1:" + server.port();
    admin =
        JSON.readTree(call("POST", "/v1/apps", ROOT, "{\"id\":\"shop\"}")).get("adminKey").asText();
    StringBuilder items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < 30; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"id\":\"i")
          .append(i)
          .append("\",\"title\":\"Film ")
          .append(i)
          .append("\",\"categories\":[\"g")
          .append(i % 3)
          .append("\"]}");
    }
    call("PUT", "/v1/apps/shop/items", admin, items + "]}");
    List<String> events = new ArrayList<>();
    for (int u = 0; u < 40; u++) {
      for (int k = 0; k < 8; k++) {
        int item = (u % 3 + 3 * ((u + k * 7) % 10)) % 30;
        events.add(
            "{\"id\":\"e"
                + u
                + "_"
                + k
                + "\",\"user\":\"u"
                + u
                + "\",\"item\":\"i"
                + item
                + "\",\"type\":\"click\"}");
      }
    }
    call("POST", "/v1/apps/shop/events", admin, "{\"events\":[" + String.join(",", events) + "]}");
    for (String algo : new String[] {"popularity", "item-knn"}) {
      String id =
          JSON.readTree(
                  call(
                      "POST",
                      "/v1/apps/shop/models/train",
                      admin,
                      "{\"algorithm\":\"" + algo + "\"}"))
              .get("id")
              .asText();
      for (int t = 0; t < 300; t++) {
        String state =
            JSON.readTree(call("GET", "/v1/apps/shop/jobs/" + id, admin, null))
                .get("state")
                .asText();
        if (state.equals("succeeded")) {
          break;
        }
        assertTrue(!state.equals("failed"));
        Thread.sleep(100);
      }
    }
  }

  @AfterAll
  static void stop() {
    server.close();
  }

  private static List<String> chromium(String... extra) {
    Path bin = Path.of("/usr/bin/chromium");
    if (!Files.isExecutable(bin)) {
      throw new IllegalStateException(
          "Chromium is not installed at /usr/bin/chromium; install the Debian package chromium"
              + " (.ci/run does).");
    }
    List<String> cmd =
        new ArrayList<>(
            List.of(
                bin.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--hide-scrollbars",
                "--user-data-dir=" + dir.resolve("chromium-" + System.nanoTime()),
                "--virtual-time-budget=8000",
                "--window-size=1280,1700"));
    cmd.addAll(List.of(extra));
    return cmd;
  }

  private static String run(List<String> cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectError(dir.resolve("chromium.log").toFile()).start();
    byte[] out = p.getInputStream().readAllBytes();
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium hung");
    return new String(out, StandardCharsets.UTF_8);
  }

  private static int count(String text, String regex) {
    Matcher m = Pattern.compile(regex).matcher(text);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }

  @Test
  void theRenderedDashboardShowsModelsEventsAndExplainedRecommendations() throws Exception {
    String url = base + "/dashboard#key=" + admin + "&app=shop&user=u4";
    String dom = run(chromium("--dump-dom", url));
    assertTrue(dom.contains("data-loaded=\"true\""), "the page did not finish loading:\n" + dom);
    assertTrue(dom.contains("connected to shop"), dom);
    // two model versions, the second deployed, with held-out metrics
    assertEquals(
        2, count(dom, "<tr><td>[12]</td><td>(popularity|item-knn)</td><td>(yes)?</td>"), dom);
    assertTrue(dom.contains("<td>item-knn</td><td>yes</td><td>0."), dom);
    assertTrue(dom.contains("aria-label=\"held-out metrics by version\""), dom);
    // jobs with progress, events per minute with 60 bars
    assertEquals(2, count(dom, "succeeded"), dom);
    assertTrue(dom.contains("320 events, 30 items; serving item-knn v2"), dom);
    int eventPlot = dom.indexOf("aria-label=\"events stored per minute\"");
    assertTrue(eventPlot > 0, dom);
    assertEquals(60, count(dom.substring(eventPlot, dom.indexOf("</svg>", eventPlot)), "<rect "));
    // the user's recommendations with their reasons
    assertEquals(5, count(dom, "<li class=\"rec\">"), dom);
    assertTrue(dom.contains("because you liked Film"), dom);
  }

  @Test
  void aScreenshotOfTheDashboardIsNotBlank() throws Exception {
    Path png = Path.of("target", "dashboard.png").toAbsolutePath();
    Files.createDirectories(png.getParent());
    Files.deleteIfExists(png);
    run(chromium("--screenshot=" + png, base + "/dashboard#key=" + admin + "&app=shop&user=u4"));
    assertTrue(Files.isRegularFile(png), "no screenshot");
    BufferedImage img = ImageIO.read(png.toFile());
    assertEquals(1280, img.getWidth());
    long dark = 0;
    for (int y = 0; y < img.getHeight(); y += 2) {
      for (int x = 0; x < img.getWidth(); x += 2) {
        int rgb = img.getRGB(x, y);
        int lum = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
        if (lum < 600) {
          dark++;
        }
      }
    }
    assertTrue(dark > 5000, "the screenshot looks blank: " + dark + " non-white samples");
  }
}
