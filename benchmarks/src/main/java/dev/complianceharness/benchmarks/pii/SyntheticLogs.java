package dev.complianceharness.benchmarks.pii;

import dev.complianceharness.pii.CanaryCustomer;
import dev.complianceharness.pii.Detector;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * Realistic synthetic application logs: Logback-style lines from order, web, billing and startup code,
 * with timestamps, thread names, ids, durations, URLs, IPs and trace ids; about 2 % of lines carry one
 * planted piece of personal data or a secret, whose detector is recorded for the recall count.
 */
final class SyntheticLogs {

    /** A line and the detector that must find it, or null for a line without personal data. */
    record Line(String text, Detector planted) {
    }

    private static final String JWT = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ"
            + ".SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c";

    private SyntheticLogs() {
    }

    static List<Line> generate(int lines, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<Line> result = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            String prefix = String.format(Locale.ROOT, "2025-06-02 12:%02d:%02d,%03d ", i / 3600 % 60, i / 60 % 60, i % 1000);
            if (random.nextInt(100) < 2) {
                result.add(planted(prefix, random));
            } else {
                result.add(new Line(prefix + ordinary(random), null));
            }
        }
        return result;
    }

    static long bytes(List<Line> lines) {
        long total = 0;
        for (Line line : lines) {
            total += line.text().getBytes(StandardCharsets.UTF_8).length + 1;
        }
        return total;
    }

    private static String ordinary(SplittableRandom r) {
        return switch (r.nextInt(8)) {
            case 0 -> String.format(Locale.ROOT, "INFO  [pool-%d-thread-%d] c.a.orders.OrderService - order %d shipped from"
                    + " warehouse %d in %d ms", r.nextInt(4) + 1, r.nextInt(8) + 1, r.nextInt(1_000_000), r.nextInt(40), r.nextInt(900));
            case 1 -> String.format(Locale.ROOT, "DEBUG [http-nio-8080-exec-%d] c.a.web.RequestLogger - GET /api/v1/orders/%d?page=%d"
                    + " 200 %dms traceId=%016x", r.nextInt(200), r.nextInt(100_000), r.nextInt(20), r.nextInt(300), r.nextLong());
            case 2 -> String.format(Locale.ROOT, "WARN  [scheduler-1] c.a.billing.RetryPolicy - retry %d/5 for invoice INV-%06d"
                    + " after %d ms", r.nextInt(5) + 1, r.nextInt(1_000_000), r.nextInt(10_000));
            case 3 -> String.format(Locale.ROOT, "INFO  [main] o.s.b.StartupInfoLogger - Started Application in %d.%03d seconds"
                    + " (JVM running for %d.%03d)", r.nextInt(30), r.nextInt(1000), r.nextInt(40), r.nextInt(1000));
            case 4 -> String.format(Locale.ROOT, "ERROR [pool-2-thread-%d] c.a.payments.Gateway - timeout after %d ms calling"
                    + " https://api.payments.example/v2/charges (attempt %d)", r.nextInt(4) + 1, r.nextInt(30_000), r.nextInt(3) + 1);
            case 5 -> String.format(Locale.ROOT, "INFO  [http-nio-8080-exec-%d] c.a.web.AccessLog - 10.%d.%d.%d \"POST /api/v1/cart\""
                    + " 201 %d bytes, request %08x-%04x-%04x-%04x-%012x", r.nextInt(200), r.nextInt(256), r.nextInt(256),
                    r.nextInt(256), r.nextInt(2048), r.nextInt(), r.nextInt(65536), r.nextInt(65536), r.nextInt(65536),
                    r.nextLong() & 0xffffffffffffL);
            case 6 -> String.format(Locale.ROOT, "DEBUG [pool-3-thread-%d] c.a.cache.CacheManager - evicted %d entries from"
                    + " customer-cache, size now %d, hit ratio 0.%02d", r.nextInt(4) + 1, r.nextInt(500), r.nextInt(100_000), r.nextInt(100));
            default -> String.format(Locale.ROOT, "INFO  [kafka-consumer-%d] c.a.events.Consumer - consumed offset %d of partition"
                    + " %d for customer %d, lag %d", r.nextInt(6), r.nextLong() >>> 20, r.nextInt(12), r.nextInt(10_000_000), r.nextInt(100));
        };
    }

    private static Line planted(String prefix, SplittableRandom r) {
        CanaryCustomer customer = CanaryCustomer.generate(r.nextLong());
        // canary customers come in every input form; the corpus writes each value in one fixed form of its own
        String digits = customer.phone().replaceAll("\\D", "");
        String national = digits.substring(digits.length() - 10);
        String card = customer.card().replaceAll("\\D", "");
        String iban = customer.iban().replace(" ", "");
        return switch (r.nextInt(10)) {
            case 0 -> new Line(prefix + "INFO  [http-nio-8080-exec-3] c.a.auth.PasswordReset - reset link sent to "
                    + customer.email(), Detector.EMAIL);
            case 1 -> new Line(prefix + "INFO  [pool-1-thread-2] c.a.support.CallBack - call back scheduled for ("
                    + national.substring(0, 3) + ") " + national.substring(3, 6) + "-" + national.substring(6), Detector.PHONE);
            case 2 -> new Line(prefix + "DEBUG [pool-2-thread-1] c.a.payments.Gateway - charging card "
                    + card.replaceAll("(\\d{4})(?!$)", "$1 "), Detector.CARD);
            case 3 -> new Line(prefix + "DEBUG [pool-2-thread-1] c.a.payments.Gateway - charging card " + card, Detector.CARD);
            case 4 -> new Line(prefix + "WARN  [http-nio-8080-exec-9] c.a.kyc.IdentityCheck - SSN " + customer.ssn()
                    + " does not match", Detector.SSN);
            case 5 -> new Line(prefix + "INFO  [pool-4-thread-1] c.a.refunds.RefundService - refund to "
                    + iban.replaceAll("(.{4})(?!$)", "$1 "), Detector.IBAN);
            case 6 -> new Line(prefix + "DEBUG [main] c.a.aws.S3Client - using access key AKIA" + upperAlphanumeric(r, 16),
                    Detector.AWS_ACCESS_KEY);
            case 7 -> new Line(prefix + "DEBUG [http-nio-8080-exec-1] c.a.web.AuthFilter - Authorization: Bearer " + JWT,
                    Detector.JWT);
            case 8 -> new Line(prefix + "DEBUG [main] c.a.config.Settings - db.password=" + mixedAlphanumeric(r, 24),
                    Detector.SECRET_TOKEN);
            default -> new Line(prefix + "INFO  [main] c.a.tls.KeyLoader - -----BEGIN RSA PRIVATE KEY----- loaded from"
                    + " vault", Detector.PRIVATE_KEY);
        };
    }

    private static String upperAlphanumeric(SplittableRandom r, int length) {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return text.toString();
    }

    private static String mixedAlphanumeric(SplittableRandom r, int length) {
        String alphabet = "abcdefghijkmnopqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
        StringBuilder text = new StringBuilder("x9");
        for (int i = 2; i < length; i++) {
            text.append(alphabet.charAt(r.nextInt(alphabet.length())));
        }
        return text.toString();
    }
}
