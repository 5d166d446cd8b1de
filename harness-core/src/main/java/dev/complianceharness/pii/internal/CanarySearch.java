package dev.complianceharness.pii.internal;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.Phonenumber;
import dev.complianceharness.pii.Canary;
import dev.complianceharness.pii.HashedForm;
import dev.complianceharness.pii.MaskedForms;
import dev.complianceharness.mask.PiiKind;
import java.net.URLEncoder;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.Normalizer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Searches a text for planted values and their usual transformations: case changes, URL and Base64
 * encodings, numbers written with other separators or none, an e-mail's local part, a name reordered (names only as whole words),
 * and partial masks that reveal more than {@link MaskedForms} allows.
 */
public final class CanarySearch {

    private final List<Prepared> prepared;
    private final MaskedForms forms;

    /**
     * @param canaries the planted values
     * @param forms    the allowed partial masks
     */
    public CanarySearch(List<Canary> canaries, MaskedForms forms) {
        this(canaries, forms, Set.of());
    }

    /**
     * @param canaries the planted values
     * @param forms    the allowed partial masks
     * @param hashes   the digests of normalised values that count as leaks too
     */
    public CanarySearch(List<Canary> canaries, MaskedForms forms, Set<HashedForm> hashes) {
        this.forms = forms;
        this.prepared = new ArrayList<>();
        for (Canary canary : canaries) {
            prepared.add(new Prepared(canary, hashes));
        }
    }

    /**
     * A planted value found in a text.
     *
     * @param canary         the canary
     * @param transformation the form it was found in
     * @param start          the index of the match
     * @param end            the index after it
     */
    public record Match(Canary canary, String transformation, int start, int end) {
    }

    /**
     * @param text a name or other text
     * @return the text with its diacritics removed ({@code Zoë Ségolène} becomes {@code Zoe Segolene})
     */
    public static String foldDiacritics(String text) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}", "").replace("ł", "l").replace("Ł", "L")
                .replace("ø", "o").replace("Ø", "O");
    }

    /** @return whether there is nothing to search for */
    public boolean isEmpty() {
        return prepared.isEmpty();
    }

    /**
     * @param text a text
     * @return every canary found in it, at most once each, in the most direct form found
     */
    public List<Match> find(String text) {
        if (prepared.isEmpty() || text.isEmpty()) {
            return List.of();
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<Group> digitGroups = null;
        List<Group> alphanumericGroups = null;
        List<Group> maskedGroups = null;
        List<Match> matches = new ArrayList<>();
        for (Prepared canary : prepared) {
            Match match = canary.findText(text, lower);
            if (match == null && canary.numeric) {
                if (digitGroups == null) {
                    digitGroups = groups(text, GroupKind.DIGITS);
                    alphanumericGroups = groups(text, GroupKind.ALPHANUMERIC);
                    maskedGroups = groups(text, GroupKind.MASKED);
                }
                match = canary.findNumber(canary.canary.kind() == PiiKind.IBAN ? alphanumericGroups : digitGroups);
                if (match == null) {
                    match = canary.findPartialMask(maskedGroups, forms.allowedTrailingDigits(canary.canary.kind()));
                }
            }
            if (match == null && canary.canary.kind() == PiiKind.EMAIL) {
                match = canary.findMaskedEmail(lower, forms.allowedEmailPrefix());
            }
            if (match != null) {
                matches.add(match);
            }
        }
        return withoutContainedMatches(matches);
    }

    /** Drops a match inside another canary's match, such as a surname inside the e-mail address. */
    private static List<Match> withoutContainedMatches(List<Match> matches) {
        if (matches.size() < 2) {
            return matches;
        }
        List<Match> kept = new ArrayList<>();
        for (Match match : matches) {
            boolean contained = false;
            for (Match other : matches) {
                contained |= other != match && other.start() <= match.start() && match.end() <= other.end()
                        && (other.end() - other.start()) > (match.end() - match.start());
            }
            if (!contained) {
                kept.add(match);
            }
        }
        return kept;
    }

    /** Which characters make up a group. */
    private enum GroupKind {
        DIGITS, ALPHANUMERIC, MASKED
    }

    /** A run of letters and digits (or mask characters) joined by the separators numbers are written with. */
    private record Group(int start, int end, String compact, boolean separated) {
    }

    private static List<Group> groups(String text, GroupKind kind) {
        boolean masks = kind == GroupKind.MASKED;
        boolean letters = kind == GroupKind.ALPHANUMERIC;
        List<Group> groups = new ArrayList<>();
        int n = text.length();
        int i = 0;
        while (i < n) {
            if (!isGroupChar(text.charAt(i), masks, letters)) {
                i++;
                continue;
            }
            int start = i;
            StringBuilder compact = new StringBuilder();
            boolean separated = false;
            int end = i;
            while (i < n) {
                char c = text.charAt(i);
                if (isGroupChar(c, masks, letters)) {
                    compact.append(isMaskChar(c) && masks ? '*' : Character.toUpperCase(c));
                    i++;
                    end = i;
                    continue;
                }
                int k = i;
                while (k < n && k - i < 2 && isSeparator(text.charAt(k))) {
                    k++;
                }
                if (k == i || k >= n || !isGroupChar(text.charAt(k), masks, letters)) {
                    break;
                }
                separated = true;
                i = k;
            }
            groups.add(new Group(start, end, compact.toString(), separated));
            i = Math.max(i, end + 1);
        }
        return groups;
    }

    private static boolean isGroupChar(char c, boolean masks, boolean letters) {
        if (masks) {
            return (c >= '0' && c <= '9') || isMaskChar(c);
        }
        return (c >= '0' && c <= '9') || (letters && ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z')));
    }

    private static boolean isMaskChar(char c) {
        return c == '*' || c == '#' || c == 'x' || c == 'X' || c == '\u2022';
    }

    private static boolean isSeparator(char c) {
        return c == ' ' || c == '-' || c == '.' || c == '(' || c == ')' || c == '/' || c == '+';
    }

    /** A canary with the forms it is searched in, computed once. */
    private static final class Prepared {
        private final Canary canary;
        private final boolean numeric;
        private final List<String[]> lowerCaseVariants = new ArrayList<>();
        private final List<String[]> exactVariants = new ArrayList<>();
        private final List<String> compactNumbers = new ArrayList<>();
        private final String lowerLocalPart;
        private final String lowerDomain;

        Prepared(Canary canary, Set<HashedForm> hashes) {
            this.canary = canary;
            String value = canary.value();
            PiiKind kind = canary.kind();
            this.numeric = kind == PiiKind.PHONE || kind == PiiKind.CARD || kind == PiiKind.SSN || kind == PiiKind.IBAN;
            String lowerValue = value.toLowerCase(Locale.ROOT);
            lowerCaseVariants.add(new String[] {lowerValue, "case changed"});
            String urlEncoded = URLEncoder.encode(value, StandardCharsets.UTF_8);
            if (!urlEncoded.equals(value)) {
                lowerCaseVariants.add(new String[] {urlEncoded.toLowerCase(Locale.ROOT), "url-encoded"});
                lowerCaseVariants.add(new String[] {urlEncoded.replace("+", "%20").toLowerCase(Locale.ROOT), "url-encoded"});
            }
            byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
            exactVariants.add(new String[] {Base64.getEncoder().withoutPadding().encodeToString(bytes), "base64-encoded"});
            exactVariants.add(new String[] {Base64.getUrlEncoder().withoutPadding().encodeToString(bytes), "base64url-encoded"});
            String local = null;
            String domain = null;
            if (kind == PiiKind.EMAIL && value.indexOf('@') > 0) {
                local = lowerValue.substring(0, lowerValue.indexOf('@'));
                domain = lowerValue.substring(lowerValue.indexOf('@') + 1);
                if (local.length() >= 6) {
                    lowerCaseVariants.add(new String[] {local, "local part without the domain"});
                }
            }
            this.lowerLocalPart = local;
            this.lowerDomain = domain;
            if (kind == PiiKind.EMAIL && local != null && local.indexOf('+') > 0) {
                lowerCaseVariants.add(new String[] {local.substring(0, local.indexOf('+')) + "@" + domain, "plus tag removed"});
            }
            if (kind == PiiKind.NAME) {
                String trimmed = value.trim();
                String folded = foldDiacritics(trimmed);
                for (String form : folded.equals(trimmed) ? List.of(trimmed) : List.of(trimmed, folded)) {
                    String how = form == trimmed ? "" : ", diacritics removed";
                    if (form != trimmed) {
                        lowerCaseVariants.add(new String[] {form.toLowerCase(Locale.ROOT), "diacritics removed"});
                    }
                    if (form.contains(" ")) {
                        String first = form.substring(0, form.indexOf(' '));
                        String last = form.substring(form.indexOf(' ') + 1);
                        lowerCaseVariants.add(new String[] {(last + ", " + first).toLowerCase(Locale.ROOT), "name reordered" + how});
                        lowerCaseVariants.add(new String[] {(last + " " + first).toLowerCase(Locale.ROOT), "name reordered" + how});
                    }
                }
            }
            if (numeric) {
                String compact = TextScanner.normalise(kind, value);
                if (kind == PiiKind.PHONE) {
                    addPhoneForms(value, compact);
                } else {
                    compactNumbers.add(compact);
                }
                for (String number : List.copyOf(compactNumbers)) {
                    byte[] digits = number.getBytes(StandardCharsets.US_ASCII);
                    exactVariants.add(new String[] {Base64.getEncoder().withoutPadding().encodeToString(digits), "base64-encoded"});
                }
            }
            for (HashedForm hash : hashes) {
                for (String normalised : normalisedForms(value, kind, lowerValue)) {
                    byte[] digest = digest(hash, normalised);
                    lowerCaseVariants.add(new String[] {HexFormat.of().formatHex(digest), hash.algorithm() + " hash"});
                    exactVariants.add(new String[] {Base64.getEncoder().withoutPadding().encodeToString(digest),
                        hash.algorithm() + " hash, base64-encoded"});
                }
            }
        }

        /** The forms a team normalises a value to before hashing it: as planted, lower case, compact, E.164. */
        private Set<String> normalisedForms(String value, PiiKind kind, String lowerValue) {
            Set<String> normalised = new LinkedHashSet<>(List.of(value, value.trim(), lowerValue.trim()));
            normalised.addAll(compactNumbers);
            if (kind == PiiKind.PHONE && !compactNumbers.isEmpty()) {
                normalised.add("+" + compactNumbers.get(compactNumbers.size() - 1));
            }
            if (kind == PiiKind.NAME) {
                for (String part : lowerValue.trim().split(" ")) {
                    normalised.add(part);
                }
            }
            return normalised;
        }

        private static byte[] digest(HashedForm hash, String value) {
            try {
                return MessageDigest.getInstance(hash.algorithm()).digest(value.getBytes(StandardCharsets.UTF_8));
            } catch (NoSuchAlgorithmException e) {
                throw new IllegalStateException("This JVM has no " + hash.algorithm() + " digest", e);
            }
        }

        private void addPhoneForms(String value, String compact) {
            try {
                PhoneNumberUtil util = PhoneNumberUtil.getInstance();
                Phonenumber.PhoneNumber parsed = util.parse(value, "US");
                String national = util.getNationalSignificantNumber(parsed);
                compactNumbers.add(national);
                compactNumbers.add(parsed.getCountryCode() + national);
            } catch (NumberParseException e) {
                compactNumbers.add(compact);
            }
        }

        Match findText(String text, String lower) {
            Match match = findTextAnywhere(text, lower);
            if (match != null && canary.kind() == PiiKind.NAME && !atWordBoundaries(text, match.start(), match.end())) {
                return null;
            }
            return match;
        }

        /** A name inside an e-mail address or identifier is that address's business, not a name on its own. */
        private static boolean atWordBoundaries(String text, int start, int end) {
            return (start == 0 || !isWordChar(text.charAt(start - 1))) && (end == text.length() || !isWordChar(text.charAt(end)));
        }

        private static boolean isWordChar(char c) {
            return Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '@' || c == '-';
        }

        private Match findTextAnywhere(String text, String lower) {
            int at = text.indexOf(canary.value());
            if (at >= 0) {
                return new Match(canary, "as planted", at, at + canary.value().length());
            }
            for (String[] variant : exactVariants) {
                at = text.indexOf(variant[0]);
                if (at >= 0) {
                    return new Match(canary, variant[1], at, at + variant[0].length());
                }
            }
            for (String[] variant : lowerCaseVariants) {
                at = lower.indexOf(variant[0]);
                if (at >= 0) {
                    return new Match(canary, variant[1], at, at + variant[0].length());
                }
            }
            return null;
        }

        Match findNumber(List<Group> groups) {
            for (Group group : groups) {
                for (String number : compactNumbers) {
                    int at = group.compact().indexOf(number);
                    if (at >= 0) {
                        String how = group.separated() ? "reformatted" : "written without separators";
                        if (canary.kind() == PiiKind.IBAN && group.separated()) {
                            how = "written with spaces";
                        }
                        return new Match(canary, how, group.start(), group.end());
                    }
                }
            }
            return null;
        }

        Match findPartialMask(List<Group> maskedGroups, int allowedTrailing) {
            List<String> numbers = new ArrayList<>();
            for (String number : compactNumbers) {
                String digits = canary.kind() == PiiKind.IBAN ? number.substring(Math.min(2, number.length())) : number;
                if (digits.chars().allMatch(Character::isDigit)) {
                    numbers.add(digits);
                }
            }
            for (Group group : maskedGroups) {
                String masked = group.compact();
                if (masked.indexOf('*') < 0 || masked.chars().noneMatch(Character::isDigit)) {
                    continue;
                }
                for (String number : numbers) {
                    Integer revealed = revealedBeyondPolicy(masked, number, allowedTrailing);
                    if (revealed != null) {
                        return new Match(canary, "partial mask revealing " + revealed + " of " + number.length()
                                + " digits (allowed: the last " + allowedTrailing + ")", group.start(), group.end());
                    }
                }
            }
            return null;
        }

        /** @return how many digits the mask reveals if it is a mask of the number revealing too much, else null */
        private static Integer revealedBeyondPolicy(String masked, String number, int allowedTrailing) {
            int length = number.length();
            if (masked.length() > length) {
                return revealedByLongerMask(masked, number, allowedTrailing);
            }
            int[] offsets = masked.length() == length ? new int[] {0} : new int[] {length - masked.length(), 0};
            for (int offset : offsets) {
                if (!anchored(masked, offset, length)) {
                    continue;
                }
                int revealed = 0;
                boolean consistent = true;
                boolean beyondPolicy = false;
                for (int i = 0; i < masked.length() && consistent; i++) {
                    char c = masked.charAt(i);
                    if (c == '*') {
                        continue;
                    }
                    consistent = c == number.charAt(offset + i);
                    revealed++;
                    beyondPolicy |= offset + i < length - allowedTrailing;
                }
                boolean convincing = masked.length() == length || revealed >= 4;
                if (consistent && beyondPolicy && convincing) {
                    return revealed;
                }
            }
            return null;
        }

        /**
         * A mask longer than the number (a fixed {@code 6 + 6 stars + 4} pattern applied to a 15-digit card) still
         * reveals its visible start and end when they are the number's.
         */
        private static Integer revealedByLongerMask(String masked, String number, int allowedTrailing) {
            int firstStar = masked.indexOf('*');
            int lastStar = masked.lastIndexOf('*');
            String lead = masked.substring(0, firstStar);
            String trail = masked.substring(lastStar + 1);
            boolean onlyStarsBetween = masked.substring(firstStar, lastStar + 1).chars().allMatch(c -> c == '*');
            int revealed = lead.length() + trail.length();
            if (!onlyStarsBetween || revealed >= number.length() || revealed < 4 || !number.startsWith(lead)
                    || !number.endsWith(trail)) {
                return null;
            }
            return !lead.isEmpty() || trail.length() > allowedTrailing ? revealed : null;
        }

        /**
         * A mask shorter than the number shows where it sits by its visible end: {@code 4111****} is the start of a
         * number, {@code ****1111} its end. Aligning {@code ****1111} with the start of another number (a card's
         * allowed last four against an IBAN) would report digits that mask never claimed to show.
         */
        private static boolean anchored(String masked, int offset, int length) {
            if (masked.length() == length) {
                return true;
            }
            return offset == 0 ? masked.charAt(0) != '*' : masked.charAt(masked.length() - 1) != '*';
        }

        Match findMaskedEmail(String lower, int allowedPrefix) {
            if (lowerDomain == null) {
                return null;
            }
            String needle = "@" + lowerDomain;
            for (int at = lower.indexOf(needle); at >= 0; at = lower.indexOf(needle, at + 1)) {
                int start = at;
                while (start > 0 && isLocalOrMask(lower.charAt(start - 1))) {
                    start--;
                }
                String local = lower.substring(start, at);
                int star = local.indexOf('*');
                if (star < 0) {
                    continue;
                }
                String prefix = local.substring(0, star);
                if (prefix.length() > allowedPrefix && lowerLocalPart.startsWith(prefix)) {
                    return new Match(canary, "partial mask revealing " + prefix.length() + " characters of the local part"
                            + " (allowed: " + allowedPrefix + ")", start, at + needle.length());
                }
            }
            return null;
        }

        private static boolean isLocalOrMask(char c) {
            return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '.' || c == '_' || c == '%' || c == '+'
                    || c == '-' || c == '*';
        }
    }
}
