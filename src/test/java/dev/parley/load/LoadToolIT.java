package dev.parley.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.parley.testing.ParleyDeployment;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The load tool runs end to end against a real Parley, small and short: every message reaches every member
 * connection once and in order, nothing is refused, and the reports are written. It says nothing about speed.
 */
@ExtendWith(ArquillianExtension.class)
@RunAsClient
class LoadToolIT {

    @ArquillianResource
    URL url;

    @Deployment(testable = false)
    static WebArchive parley() {
        return ParleyDeployment.onFreshSqlite("load-tool")
                .with("parley.send.rate-per-second", "50")
                .with("parley.send.burst", "150")
                .archive();
    }

    @Test
    void aSmallFanoutDeliversEveryMessageOnceInOrder() {
        RunReport report = run("fanout", "--members", "10", "--senders", "5", "--rate", "50");
        assertClean(report);
        assertEquals(150L, ((Map<?, ?>) report.sections().get("figures")).get("messagesAcked"), "50 messages/s for 3 s");
    }

    @Test
    void smallPairsDeliverEveryMessageToBothSides() {
        assertClean(run("pairs", "--pairs", "5", "--pair-rate", "2"));
    }

    private RunReport run(String scenario, String... options) {
        String[] common = {scenario, "--url", url.toString(), "--seconds", "3", "--warmup", "2", "--drain", "30", "--send-limit", "50",
                "--user-prefix", "lt-it-", "--out", Path.of(System.getProperty("parley.testdata", "target/it-data"),
                "load").toString()};
        String[] args = new String[common.length + options.length];
        System.arraycopy(common, 0, args, 0, common.length);
        System.arraycopy(options, 0, args, common.length, options.length);
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        RunReport report = LoadTool.run(args, new PrintStream(printed, true, StandardCharsets.UTF_8));
        System.out.print(printed.toString(StandardCharsets.UTF_8));
        return report;
    }

    private static void assertClean(RunReport report) {
        DeliveryCheck.Verdict verdict = report.verdict();
        assertEquals(0, verdict.lost(), "lost");
        assertEquals(0, verdict.duplicated(), "duplicated");
        assertEquals(0, verdict.outOfOrder(), "out of order");
        assertEquals(0, report.errors(), () -> "errors: " + report.sections().get("errors"));
        assertTrue(Files.isRegularFile(report.jsonFile()) && Files.isRegularFile(report.htmlFile()));
        assertTrue(report.seconds().size() >= 3, "a timeline sample per second");
    }
}
