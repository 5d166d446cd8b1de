package dev.complianceharness.benchmarks.pii;

import dev.complianceharness.pii.Detector;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import net.datafaker.Faker;

/**
 * Log lines whose personal data and look-alikes come from Datafaker (US locale), a library whose authors
 * did not write our detectors: e-mail addresses, phone numbers in Datafaker's many formats, card numbers,
 * SSNs and IBANs planted in about 10 % of lines, and the rest filled with what should not be flagged
 * (addresses, ISBNs, EAN codes, IMEIs, UUIDs, IPs, URLs, prices, product and company names, sentences).
 * Each planted line records the detector that must find it. The same seed gives the same lines with the
 * same Datafaker version.
 */
final class FakerLogs {

    private FakerLogs() {
    }

    static List<SyntheticLogs.Line> generate(int lines, long seed) {
        Faker faker = new Faker(Locale.US, new Random(seed));
        Random random = new Random(seed + 1);
        List<SyntheticLogs.Line> result = new ArrayList<>(lines);
        for (int i = 0; i < lines; i++) {
            String prefix = String.format(Locale.ROOT, "2025-06-02 13:%02d:%02d,%03d ", i / 3600 % 60, i / 60 % 60, i % 1000);
            result.add(random.nextInt(100) < 10 ? planted(prefix, faker, random) : ordinary(prefix, faker, random));
        }
        return result;
    }

    private static SyntheticLogs.Line planted(String prefix, Faker faker, Random random) {
        return switch (random.nextInt(5)) {
            case 0 -> new SyntheticLogs.Line(prefix + "INFO  [http-nio-8080-exec-2] c.a.accounts.SignUp - welcome mail queued for "
                    + faker.internet().emailAddress(), Detector.EMAIL);
            case 1 -> new SyntheticLogs.Line(prefix + "INFO  [pool-1-thread-4] c.a.support.CallBack - customer asked to be called on "
                    + (random.nextBoolean() ? faker.phoneNumber().cellPhone() : faker.phoneNumber().phoneNumber()), Detector.PHONE);
            case 2 -> new SyntheticLogs.Line(prefix + "DEBUG [pool-2-thread-3] c.a.payments.Gateway - authorising card "
                    + faker.finance().creditCard(), Detector.CARD);
            case 3 -> new SyntheticLogs.Line(prefix + "WARN  [http-nio-8080-exec-7] c.a.kyc.IdentityCheck - SSN "
                    + faker.idNumber().ssnValid() + " failed the credit bureau check", Detector.SSN);
            default -> new SyntheticLogs.Line(prefix + "INFO  [pool-4-thread-2] c.a.payouts.PayoutService - payout sent to "
                    + faker.finance().iban(), Detector.IBAN);
        };
    }

    private static SyntheticLogs.Line ordinary(String prefix, Faker faker, Random random) {
        String message = switch (random.nextInt(8)) {
            case 0 -> "INFO  [pool-3-thread-1] c.a.shipping.Labels - label printed for " + faker.address().streetAddress()
                    + ", " + faker.address().city() + " " + faker.address().zipCode();
            case 1 -> "DEBUG [http-nio-8080-exec-5] c.a.catalog.Search - indexed " + faker.commerce().productName()
                    + " (ISBN " + faker.code().isbn13(true) + ", EAN " + faker.code().ean13() + ") at $" + faker.commerce().price();
            case 2 -> "INFO  [main] c.a.devices.Registry - device " + faker.code().imei() + " registered from "
                    + faker.internet().ipV4Address();
            case 3 -> "DEBUG [http-nio-8080-exec-1] c.a.web.RequestLogger - GET " + faker.internet().url() + " request "
                    + faker.internet().uuid();
            case 4 -> "INFO  [scheduler-2] c.a.crm.Sync - synced account of " + faker.company().name() + ", "
                    + faker.number().numberBetween(1, 5_000) + " seats";
            case 5 -> "WARN  [pool-5-thread-2] c.a.reviews.Moderation - held review: \"" + faker.lorem().sentence() + "\"";
            case 6 -> "INFO  [pool-2-thread-1] c.a.orders.OrderService - order " + faker.number().digits(10) + " of "
                    + faker.number().numberBetween(1, 40) + " items shipped in " + faker.number().numberBetween(1, 900) + " ms";
            default -> "DEBUG [kafka-consumer-3] c.a.events.Consumer - offset " + faker.number().numberBetween(0, 1_000_000_000)
                    + " of partition " + faker.number().numberBetween(0, 12) + ", lag " + faker.number().numberBetween(0, 500);
        };
        return new SyntheticLogs.Line(prefix + message, null);
    }
}
