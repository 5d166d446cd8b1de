package dev.complianceharness.mask.internal;

/**
 * A view of a text in which known personal values are searched: the text itself, lower-cased, or only its
 * numbers (digits joined across the separators numbers are written with), each position mapped back to the
 * text. Lower-casing works character by character, so positions never shift.
 */
final class Projection {

    /** What a projection keeps of the text. */
    enum Kind {
        /** The text as it is: for Base64 forms, which are case-sensitive. */
        EXACT,
        /** The text lower-cased: for values, URL encodings, e-mail local parts and names. */
        CASELESS,
        /** Digits only, joined across separators, any script's digits as ASCII: phones, cards, SSNs. */
        DIGITS,
        /** Letters and digits joined across spaces and dashes, upper-cased: IBANs. */
        ALPHANUMERIC
    }

    /** Separates two groups in a compact projection; never part of a pattern. */
    static final char GROUP_BREAK = '\u0000';
    /** How many separator characters may stand between two parts of one number. */
    private static final int MAX_SEPARATOR_RUN = 2;

    private final String text;
    private final int[] origin;

    private Projection(String text, int[] origin) {
        this.text = text;
        this.origin = origin;
    }

    /**
     * Projects a text.
     *
     * @param kind what to keep
     * @param text the text
     * @return the projection
     */
    static Projection of(Kind kind, String text) {
        return switch (kind) {
            case EXACT -> new Projection(text, null);
            case CASELESS -> new Projection(lowerCase(text), null);
            case DIGITS -> compact(text, false);
            case ALPHANUMERIC -> compact(text, true);
        };
    }

    /** @return the projected text */
    String text() {
        return text;
    }

    /**
     * @param start a position in the projection
     * @return the position in the original text
     */
    int start(int start) {
        return origin == null ? start : origin[start];
    }

    /**
     * @param end a position after a match in the projection
     * @return the position after the match in the original text
     */
    int end(int end) {
        return origin == null ? end : origin[end - 1] + 1;
    }

    /**
     * Lower-cases character by character, so that the result has the text's length.
     *
     * @param text the text
     * @return the text lower-cased
     */
    static String lowerCase(String text) {
        char[] chars = text.toCharArray();
        for (int i = 0; i < chars.length; i++) {
            chars[i] = Character.toLowerCase(chars[i]);
        }
        return new String(chars);
    }

    /**
     * @param c a character
     * @return whether numbers are written with it between their digits
     */
    static boolean isNumberSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '_' || c == ','
                || c == '\u00a0' || c == '\u2009' || c == '\u202f' || c == '\u2010' || c == '\u2011' || c == '\u2012'
                || c == '\u2013' || c == '\u3000' || c == '\uff0d' || c == '\t';
    }

    private static boolean isPart(char c, boolean letters) {
        if (Character.isDigit(c)) {
            return true;
        }
        return letters && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'));
    }

    private static boolean isSeparator(char c, boolean letters) {
        return letters ? c == ' ' || c == '-' || c == '\u00a0' : isNumberSeparator(c);
    }

    private static char compactChar(char c) {
        if (Character.isDigit(c)) {
            return (char) ('0' + Character.digit(c, 10));
        }
        return Character.toUpperCase(c);
    }

    private static Projection compact(String text, boolean letters) {
        StringBuilder projected = new StringBuilder();
        int[] origin = new int[text.length() + 1];
        int length = 0;
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isPart(text.charAt(i), letters)) {
                i++;
                continue;
            }
            if (length > 0) {
                projected.append(GROUP_BREAK);
                origin = ensure(origin, length + 1);
                origin[length++] = i;
            }
            while (i < n) {
                char c = text.charAt(i);
                if (isPart(c, letters)) {
                    projected.append(compactChar(c));
                    origin = ensure(origin, length + 1);
                    origin[length++] = i;
                    i++;
                    continue;
                }
                int k = i;
                while (k < n && k - i < MAX_SEPARATOR_RUN && isSeparator(text.charAt(k), letters)) {
                    k++;
                }
                if (k == i || k >= n || !isPart(text.charAt(k), letters)) {
                    break;
                }
                i = k;
            }
        }
        return new Projection(projected.toString(), origin);
    }

    private static int[] ensure(int[] array, int size) {
        return size <= array.length ? array : java.util.Arrays.copyOf(array, Math.max(size, array.length * 2));
    }
}
