package dev.complianceharness.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.complianceharness.invariant.LiabilityTier;
import dev.complianceharness.mask.Masking;
import dev.complianceharness.mask.Redaction;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Inline content of a page the harness writes ({@link HtmlPage}): every text is escaped, and text that may quote
 * what a test saw is masked on the way in, so that a page cannot carry a personal value or a markup injection.
 * Two kinds of text: {@link #text(String)} for anything that came from a test (messages, evidence, test names,
 * failure lines), and {@link #verbatim(String)} for what the harness or a module author wrote (invariant ids,
 * citations, class names, counts, seeds), which masking would make unreadable.
 *
 * <pre>{@code
 * HtmlFragment guard = HtmlFragment.empty().link("#sms.quiet-hours", HtmlFragment.ofCode("sms.quiet-hours"))
 *         .verbatim(" (failed)").lineBreak().tier(LiabilityTier.REGULATORY);
 * }</pre>
 *
 * <p>Fragments are mutable builders; each method appends and returns this fragment.
 */
@API(status = INTERNAL, since = "0.1.0")
public final class HtmlFragment {

    private final StringBuilder markup = new StringBuilder();

    private HtmlFragment() {
    }

    /** @return an empty fragment */
    public static HtmlFragment empty() {
        return new HtmlFragment();
    }

    /**
     * @param text text that may quote test output; masked, then escaped
     * @return a new fragment holding it
     */
    public static HtmlFragment of(String text) {
        return empty().text(text);
    }

    /**
     * @param text text the harness or a module author wrote, such as an id or a count; escaped only
     * @return a new fragment holding it
     */
    public static HtmlFragment ofVerbatim(String text) {
        return empty().verbatim(text);
    }

    /**
     * @param identifier an id or class name, shown in a monospace font; escaped only
     * @return a new fragment holding it
     */
    public static HtmlFragment ofCode(String identifier) {
        return empty().code(identifier);
    }

    /**
     * Appends text that may quote test output: masked, then escaped.
     *
     * @param text the text
     * @return this fragment
     */
    public HtmlFragment text(String text) {
        markup.append(Html.escape(Masking.mask(Objects.requireNonNull(text, "text"))));
        return this;
    }

    /**
     * Appends text the harness or a module author wrote (ids, citations, counts, seeds): escaped, not masked.
     *
     * @param text the text
     * @return this fragment
     */
    public HtmlFragment verbatim(String text) {
        markup.append(Html.escape(Objects.requireNonNull(text, "text")));
        return this;
    }

    /**
     * Appends an id or class name in a monospace font, escaped, not masked. A long name may wrap after each dot on a
     * narrow screen ({@code <wbr>}), never inside a word.
     *
     * @param identifier the id
     * @return this fragment
     */
    public HtmlFragment code(String identifier) {
        markup.append("<code>").append(Html.escape(Objects.requireNonNull(identifier, "identifier")).replace(".", ".<wbr>"))
                .append("</code>");
        return this;
    }

    /**
     * Appends secondary text that may quote test output, in a smaller, muted font.
     *
     * @param text the text; masked, then escaped
     * @return this fragment
     */
    public HtmlFragment small(String text) {
        return small(of(text));
    }

    /**
     * Appends a fragment as secondary content, in a smaller, muted font.
     *
     * @param content the content
     * @return this fragment
     */
    public HtmlFragment small(HtmlFragment content) {
        return wrap("small", content);
    }

    /**
     * Appends a status, in its colour: red for failed and errored, amber for what needs a look, green for passed.
     *
     * @param status the status
     * @return this fragment
     */
    public HtmlFragment status(HtmlPage.Status status) {
        return status(status, status.label());
    }

    /**
     * Appends a status in its colour, in words of the caller's, such as {@code "guarded, passing"} for a zone.
     *
     * @param status the status, for the colour
     * @param words  the words, written by the harness; escaped
     * @return this fragment
     */
    public HtmlFragment status(HtmlPage.Status status, String words) {
        markup.append("<span class=\"status-label ").append(HtmlPage.statusClass(status))
                .append("\">").append(Html.escape(words)).append("</span>");
        return this;
    }

    /**
     * Appends a paragraph.
     *
     * @param content the paragraph's content
     * @return this fragment
     */
    public HtmlFragment paragraph(HtmlFragment content) {
        return wrap("p", content);
    }

    /**
     * Appends text that may quote test output, emphasised.
     *
     * @param text the text; masked, then escaped
     * @return this fragment
     */
    public HtmlFragment strong(String text) {
        return strong(of(text));
    }

    /**
     * Appends a fragment, emphasised.
     *
     * @param content the content
     * @return this fragment
     */
    public HtmlFragment strong(HtmlFragment content) {
        return wrap("strong", content);
    }

    /**
     * Appends a line of output a test captured, such as a log line, kept as one block that wraps on narrow screens.
     *
     * @param line the line; masked, then escaped
     * @return this fragment
     */
    public HtmlFragment outputLine(String line) {
        markup.append("<q class=\"output\">").append(Html.escape(Masking.mask(Objects.requireNonNull(line, "line"))))
                .append("</q>");
        return this;
    }

    /**
     * Appends a link. Only links within the page ({@code #id}) and to {@code https://} sources are written as links;
     * anything else is shown as text, so that a page never points to a local file or a script.
     *
     * @param href  the target
     * @param label what the link shows
     * @return this fragment
     */
    public HtmlFragment link(String href, HtmlFragment label) {
        Objects.requireNonNull(href, "href");
        if (href.startsWith("#") || href.startsWith("https://")) {
            markup.append("<a href=\"").append(Html.escape(href)).append("\">").append(label.markup).append("</a>");
        } else {
            markup.append(label.markup);
        }
        return this;
    }

    /**
     * Appends the label of a liability tier, in the tier's colour.
     *
     * @param tier the tier
     * @return this fragment
     */
    public HtmlFragment tier(LiabilityTier tier) {
        return tier(tier.name());
    }

    /**
     * Appends the label of a tier by name: {@code REGULATORY}, {@code FINANCIAL}, {@code REPUTATIONAL}, or
     * {@code NONE} for a class the audit found no evidence for.
     *
     * @param tierName the tier's name
     * @return this fragment
     * @throws IllegalArgumentException for any other name, so that a page never shows an unknown tier as a known one
     */
    public HtmlFragment tier(String tierName) {
        markup.append("<span class=\"tier ").append(tierClass(tierName)).append("\">").append(tierLabel(tierName))
                .append("</span>");
        return this;
    }

    /**
     * Appends a mention of a liability zone: its tier's label and its name. Every mention of one zone on a page shows
     * the same tier, the zone's own; the browser check of the report compares them.
     *
     * @param name     the zone's name
     * @param tierName the zone's tier
     * @return this fragment
     */
    public HtmlFragment zone(String name, String tierName) {
        String redacted = Redaction.redact(Objects.requireNonNull(name, "name"));   // a team's free text
        markup.append("<span class=\"zone-ref\" data-zone=\"").append(Html.escape(redacted)).append("\" data-tier=\"")
                .append(tierClass(tierName).toUpperCase(Locale.ROOT)).append("\">");
        tier(tierName);
        markup.append(' ');
        code(redacted);
        markup.append("</span>");
        return this;
    }

    /**
     * Appends a line break.
     *
     * @return this fragment
     */
    public HtmlFragment lineBreak() {
        markup.append("<br>");
        return this;
    }

    /**
     * Appends another fragment.
     *
     * @param other the fragment
     * @return this fragment
     */
    public HtmlFragment append(HtmlFragment other) {
        markup.append(other.markup);
        return this;
    }

    /**
     * Appends a bulleted list.
     *
     * @param items the items, in order
     * @return this fragment
     */
    public HtmlFragment list(List<HtmlFragment> items) {
        markup.append("<ul>");
        for (HtmlFragment item : items) {
            markup.append("<li>").append(item.markup).append("</li>");
        }
        markup.append("</ul>");
        return this;
    }

    /**
     * Appends content folded under a summary line, open on click.
     *
     * @param summary the summary line
     * @param body    the folded content
     * @return this fragment
     */
    public HtmlFragment details(HtmlFragment summary, HtmlFragment body) {
        markup.append("<details><summary>").append(summary.markup).append("</summary>").append(body.markup)
                .append("</details>");
        return this;
    }

    /** @return whether nothing was appended */
    public boolean isEmpty() {
        return markup.length() == 0;
    }

    /** @return the markup */
    @Override
    public String toString() {
        return markup.toString();
    }

    private HtmlFragment wrap(String element, HtmlFragment content) {
        markup.append('<').append(element).append('>').append(content.markup).append("</").append(element).append('>');
        return this;
    }

    static String tierClass(String tierName) {
        Objects.requireNonNull(tierName, "tierName");
        return switch (tierName) {
            case "REGULATORY", "FINANCIAL", "REPUTATIONAL", "NONE" -> tierName.toLowerCase(Locale.ROOT);
            default -> throw new IllegalArgumentException("Unknown liability tier '" + tierName
                    + "': expected REGULATORY, FINANCIAL, REPUTATIONAL or NONE");
        };
    }

    static int tierRank(String tierName) {
        return switch (tierName) {
            case "REGULATORY" -> 0;
            case "FINANCIAL" -> 1;
            case "REPUTATIONAL" -> 2;
            case "NONE" -> 3;
            default -> throw new IllegalArgumentException("Unknown liability tier '" + tierName
                    + "': expected REGULATORY, FINANCIAL, REPUTATIONAL or NONE");
        };
    }

    private static String tierLabel(String tierName) {
        return tierName.equals("NONE") ? "NO TIER" : tierName;
    }
}
