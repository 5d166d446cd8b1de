package dev.complianceharness.property;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import org.apiguardian.api.API;

/**
 * Classes of characters for {@link Gens#strings(int, int, CharacterClass...)} and
 * {@link Gens#characters(CharacterClass...)}. Within a class, shrinking moves towards its first
 * character (listed first below).
 */
@API(status = EXPERIMENTAL, since = "0.1.0")
public enum CharacterClass {
    /** {@code a}–{@code z}. */
    LOWERCASE(new int[] {'a', 'z'}),
    /** {@code A}–{@code Z}. */
    UPPERCASE(new int[] {'A', 'Z'}),
    /** {@code 0}–{@code 9}. */
    DIGITS(new int[] {'0', '9'}),
    /** Space, tab, line feed, carriage return. */
    WHITESPACE(new int[] {' ', ' ', '\t', '\n', '\r', '\r'}),
    /** The printable ASCII characters that are not letters or digits, space included. */
    PUNCTUATION(new int[] {' ', '/', ':', '@', '[', '`', '{', '~'}),
    /** Letters with diacritics of Latin-1 ({@code À}–{@code ÿ} without {@code ×} and {@code ÷}). */
    LATIN1_LETTERS(new int[] {0xC0, 0xD6, 0xD8, 0xF6, 0xF8, 0xFF}),
    /** Control characters: NUL to unit separator, and DEL. */
    CONTROL(new int[] {0x00, 0x1F, 0x7F, 0x7F}),
    /**
     * Every Unicode code point except unpaired surrogates: other scripts, emoji and characters outside the
     * Basic Multilingual Plane (which take two {@code char}s).
     */
    UNICODE(new int[] {0x00, 0xD7FF, 0xE000, 0x10FFFF});

    private final int[] ranges;

    CharacterClass(int[] ranges) {
        this.ranges = ranges;
    }

    /**
     * The inclusive code point ranges, as pairs of first and last.
     *
     * @return a copy of the ranges
     */
    int[] ranges() {
        return ranges.clone();
    }
}
