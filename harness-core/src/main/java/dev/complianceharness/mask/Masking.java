package dev.complianceharness.mask;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Masks personal data in text the harness prints: violation messages, evidence, reports. It is a last
 * line of defence, applied to every message whatever its author meant to put in it, so it errs on the
 * side of masking.
 *
 * <ul>
 *   <li>E-mail addresses keep the first character of the local part and the domain:
 *       {@code jane.doe@example.com} becomes {@code j***@example.com}.</li>
 *   <li>Runs of 7 or more digits, with the separators phone and card numbers are written with
 *       (spaces, dashes, dots, parentheses, a leading {@code +}), keep their last two digits:
 *       {@code +1 305-555-0147} becomes {@code +*-***-***-**47}. ISO dates and times are left alone.</li>
 *   <li>Text already masked stays as it is: {@code Masking.mask(Masking.mask(s)).equals(Masking.mask(s))}.</li>
 * </ul>
 */
public final class Masking {

    private static final Pattern EMAIL = Pattern.compile(
            "(?<![\\w.+-])([\\p{L}\\p{N}_%+-])[\\p{L}\\p{N}._%+-]*@([\\p{L}\\p{N}-]+(?:\\.[\\p{L}\\p{N}-]+)*\\.\\p{L}{2,})");
    private static final Pattern DIGIT_RUN = Pattern.compile("\\+?\\(?\\d[\\d \\t().\\-]*\\d");
    private static final Pattern ISO_DATE_TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}(?:[T ]\\d{2}:\\d{2}(?::\\d{2}(?:\\.\\d+)?)?)?");
    private static final int MIN_DIGITS = 7;
    private static final int KEPT_DIGITS = 2;

    private Masking() {
    }

    /**
     * Masks e-mail addresses and long digit runs.
     *
     * @param text any text; null gives null
     * @return the text with personal data masked
     */
    public static String mask(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        return maskDigitRuns(maskEmails(text));
    }

    /**
     * Masks a phone number or other identifier completely except its last two digits, whatever its
     * length; for showing a value the caller knows to be personal.
     *
     * @param value the value
     * @return the masked value, for example {@code ***********47}
     */
    public static String maskValue(String value) {
        if (value == null) {
            return null;
        }
        StringBuilder masked = new StringBuilder(value.length());
        int kept = 0;
        for (int i = value.length() - 1; i >= 0; i--) {
            char c = value.charAt(i);
            if (Character.isLetterOrDigit(c) && kept < KEPT_DIGITS && value.length() > 4) {
                masked.append(c);
                kept++;
            } else if (Character.isLetterOrDigit(c)) {
                masked.append('*');
            } else {
                masked.append(c);
            }
        }
        return masked.reverse().toString();
    }

    private static String maskEmails(String text) {
        Matcher matcher = EMAIL.matcher(text);
        StringBuilder out = new StringBuilder(text.length());
        while (matcher.find()) {
            matcher.appendReplacement(out, Matcher.quoteReplacement(matcher.group(1) + "***@" + matcher.group(2)));
        }
        matcher.appendTail(out);
        return out.toString();
    }

    private static String maskDigitRuns(String text) {
        List<int[]> protectedRanges = new ArrayList<>();
        Matcher dates = ISO_DATE_TIME.matcher(text);
        while (dates.find()) {
            protectedRanges.add(new int[] {dates.start(), dates.end()});
        }
        char[] chars = text.toCharArray();
        Matcher runs = DIGIT_RUN.matcher(text);
        while (runs.find()) {
            maskRun(chars, runs.start(), runs.end(), protectedRanges);
        }
        return new String(chars);
    }

    private static void maskRun(char[] chars, int start, int end, List<int[]> protectedRanges) {
        int digits = 0;
        for (int i = start; i < end; i++) {
            if (Character.isDigit(chars[i]) && !isProtected(i, protectedRanges)) {
                digits++;
            }
        }
        if (digits < MIN_DIGITS) {
            return;
        }
        int toMask = digits - KEPT_DIGITS;
        for (int i = start; i < end && toMask > 0; i++) {
            if (Character.isDigit(chars[i]) && !isProtected(i, protectedRanges)) {
                chars[i] = '*';
                toMask--;
            }
        }
        if (chars[start] == '+') {
            // the country code would otherwise survive as the first digit group of a masked number
            for (int i = start + 1; i < end && Character.isDigit(chars[i]); i++) {
                chars[i] = '*';
            }
        }
    }

    private static boolean isProtected(int index, List<int[]> ranges) {
        for (int[] range : ranges) {
            if (index >= range[0] && index < range[1]) {
                return true;
            }
        }
        return false;
    }
}
