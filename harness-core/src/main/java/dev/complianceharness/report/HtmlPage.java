package dev.complianceharness.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import dev.complianceharness.mask.Redaction;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.apiguardian.api.API;

/**
 * The one HTML renderer of the harness: the compliance report, the aggregate report of a build and the audit are
 * all written through it, so they read alike. A page is self-contained (inline style and a small inline script, no
 * network access, no external resource) and reads on a 390 px wide screen without horizontal scrolling. It opens
 * with a summary, then a bar that filters and sorts every entry by zone, tier and status (the page still reads in
 * full without the script), then its sections.
 *
 * <pre>{@code
 * HtmlPage page = HtmlPage.titled("Compliance report")
 *         .subtitle(HtmlFragment.ofVerbatim("Generated 2025-06-02T10:00:00Z"))
 *         .summary(new HtmlPage.Summary(HtmlPage.Tone.FAIL, "Gate: FAIL",
 *                 List.of(new HtmlPage.Count("failing invariants", 1, "of 40", true, "#invariants")),
 *                 List.of(new HtmlPage.Listing("Failing invariants", List.of(HtmlFragment.ofCode("sms.quiet-hours")), "none"))));
 * HtmlPage.Table invariants = HtmlPage.Table.of("Invariant", "Tier", "Result");
 * invariants.row(HtmlFragment.ofCode("sms.quiet-hours"), HtmlFragment.empty().tier("REGULATORY"), HtmlFragment.of("failed"))
 *         .filterable(new HtmlPage.Facets("sms.quiet-hours", List.of("com.acme.sms"), List.of("REGULATORY"),
 *                 HtmlPage.Status.FAILED))
 *         .anchor("sms.quiet-hours");
 * String html = page.section("invariants", "Invariants").table(invariants).render();
 * }</pre>
 */
@API(status = INTERNAL, since = "0.1.0")
public final class HtmlPage {

    /** The status of an entry, one vocabulary for every page; the order is the order of "sort by status". */
    public enum Status {
        /** A check threw instead of deciding. */
        ERRORED("errored"),
        /** Something was violated or failed. */
        FAILED("failed"),
        /** A liability zone with no guarding invariant that ran. */
        UNGUARDED("unguarded"),
        /** A test JUnit never reported the end of. */
        UNFINISHED("unfinished"),
        /** A test an assumption aborted. */
        ABORTED("aborted"),
        /** Something the harness could not see or check. */
        WARNING("warning"),
        /** A class the audit found no owner for. */
        NO_OWNER("no owner"),
        /** A class with an owner. */
        OWNED("owned"),
        /** Something that held or passed. */
        PASSED("passed");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        /** @return the status as the page shows it */
        public String label() {
            return label;
        }
    }

    /** The tone of a summary: whether the page's verdict is good, bad or not a verdict. */
    public enum Tone {
        /** The gate passed. */
        PASS,
        /** The gate failed. */
        FAIL,
        /** No verdict, such as an audit. */
        NEUTRAL
    }

    /**
     * What an entry can be filtered and sorted by.
     *
     * @param name   the entry's name, for sorting by name; it passes the redaction boundary
     * @param zones  the liability zones it belongs to or guards, empty for none; zone names are free text a team
     *               wrote, so they pass the redaction boundary too
     * @param tiers  the tiers it carries ({@code REGULATORY}, {@code FINANCIAL}, {@code REPUTATIONAL} or
     *               {@code NONE}); empty for none
     * @param status its status
     */
    public record Facets(String name, List<String> zones, List<String> tiers, Status status) {

        /** Checks the tiers' names, redacts the free text and copies the lists. */
        public Facets {
            name = Redaction.redact(Objects.requireNonNull(name, "name"));
            zones = List.copyOf(new LinkedHashSet<>(zones.stream().map(Redaction::redact).toList()));
            tiers = List.copyOf(new LinkedHashSet<>(tiers));
            tiers.forEach(HtmlFragment::tierClass);
            Objects.requireNonNull(status, "status");
        }
    }

    /**
     * One figure of a summary.
     *
     * @param label    what is counted, such as {@code "failing invariants"}
     * @param value    the count
     * @param detail   context, such as {@code "of 40"}; empty for none
     * @param alarming whether the figure needs attention (shown in the failure colour)
     * @param target   the section it links to, such as {@code "#invariants"}; empty for none
     */
    public record Count(String label, long value, String detail, boolean alarming, String target) {

        /** Checks that nothing is missing. */
        public Count {
            Objects.requireNonNull(label, "label");
            Objects.requireNonNull(detail, "detail");
            Objects.requireNonNull(target, "target");
        }
    }

    /**
     * A short list in a summary, such as the failing invariants.
     *
     * @param title     the list's title
     * @param items     the items; the list shows {@code whenEmpty} when there are none
     * @param whenEmpty what to show when empty, such as {@code "none"}
     */
    public record Listing(String title, List<HtmlFragment> items, String whenEmpty) {

        /** Copies the items. */
        public Listing {
            Objects.requireNonNull(title, "title");
            items = List.copyOf(items);
            Objects.requireNonNull(whenEmpty, "whenEmpty");
        }
    }

    /**
     * What a page says first.
     *
     * @param tone     the verdict's tone
     * @param headline the verdict, such as {@code "Gate: FAIL"}
     * @param counts   the figures
     * @param listings the short lists
     */
    public record Summary(Tone tone, String headline, List<Count> counts, List<Listing> listings) {

        /** Copies the lists. */
        public Summary {
            Objects.requireNonNull(tone, "tone");
            Objects.requireNonNull(headline, "headline");
            counts = List.copyOf(counts);
            listings = List.copyOf(listings);
        }
    }

    /** A table whose rows can be filtered and sorted, and that stacks its cells on a narrow screen. */
    public static final class Table {
        private final List<String> columns;
        private final Set<String> numeric = new LinkedHashSet<>();
        private final List<Row> rows = new ArrayList<>();

        private Table(List<String> columns) {
            this.columns = List.copyOf(columns);
        }

        /**
         * @param columns the column headings
         * @return an empty table
         */
        public static Table of(String... columns) {
            return new Table(List.of(columns));
        }

        /**
         * Aligns columns to the right, for counts.
         *
         * @param headings the headings of the numeric columns
         * @return this table
         */
        public Table numeric(String... headings) {
            for (String heading : headings) {
                if (!columns.contains(heading)) {
                    throw new IllegalArgumentException("No column '" + heading + "' in " + columns);
                }
                numeric.add(heading);
            }
            return this;
        }

        /**
         * Adds a row.
         *
         * @param cells one fragment per column
         * @return the row, to make it filterable, give it an anchor or a detail line
         * @throws IllegalArgumentException when the number of cells is not the number of columns
         */
        public Row row(HtmlFragment... cells) {
            if (cells.length != columns.size()) {
                throw new IllegalArgumentException("A row of " + columns + " needs " + columns.size() + " cells, not "
                        + cells.length);
            }
            Row row = new Row(List.of(cells));
            rows.add(row);
            return row;
        }

        /** @return whether the table has no row */
        public boolean isEmpty() {
            return rows.isEmpty();
        }
    }

    /** A row of a {@link Table}. */
    public static final class Row {
        private final List<HtmlFragment> cells;
        private Facets facets;
        private String anchor;
        private HtmlFragment detail;

        private Row(List<HtmlFragment> cells) {
            this.cells = cells;
        }

        /**
         * Makes the row an entry the filter bar filters and sorts.
         *
         * @param facets what it is filtered and sorted by
         * @return this row
         */
        public Row filterable(Facets facets) {
            this.facets = Objects.requireNonNull(facets, "facets");
            return this;
        }

        /**
         * Gives the row an id, so that other parts of the page can link to it.
         *
         * @param id the id
         * @return this row
         */
        public Row anchor(String id) {
            this.anchor = Objects.requireNonNull(id, "id");
            return this;
        }

        /**
         * Adds a full-width line under the row, which stays with the row when it is filtered or sorted.
         *
         * @param content the line's content
         * @return this row
         */
        public Row detail(HtmlFragment content) {
            this.detail = Objects.requireNonNull(content, "content");
            return this;
        }
    }

    private final String title;
    private final StringBuilder head = new StringBuilder();
    private final StringBuilder body = new StringBuilder();
    private final Set<String> zones = new TreeSet<>();
    private final Set<String> tiers = new TreeSet<>(Comparator.comparingInt(HtmlFragment::tierRank));
    private final Set<Status> statuses = new TreeSet<>();
    private boolean summarised;
    private boolean inSection;
    private boolean inCards;
    private int entries;

    private HtmlPage(String title) {
        this.title = title;
        head.append("<h1>").append(Html.escape(title)).append("</h1>\n");
    }

    /**
     * Starts a page.
     *
     * @param title the page's title, written by the harness
     * @return the page
     */
    public static HtmlPage titled(String title) {
        return new HtmlPage(Objects.requireNonNull(title, "title"));
    }

    /**
     * Adds a line under the title, such as when the page was generated.
     *
     * @param line the line
     * @return this page
     */
    public HtmlPage subtitle(HtmlFragment line) {
        requireNoSection("subtitle");
        head.append("<p class=\"meta\">").append(line).append("</p>\n");
        return this;
    }

    /**
     * Adds the summary, which comes before the filter bar and every section.
     *
     * @param summary the summary
     * @return this page
     * @throws IllegalStateException when a summary or a section was already added
     */
    public HtmlPage summary(Summary summary) {
        requireNoSection("summary");
        if (summarised) {
            throw new IllegalStateException("A page has one summary");
        }
        summarised = true;
        String tone = summary.tone().name().toLowerCase(Locale.ROOT);
        head.append("<section id=\"summary\" class=\"summary ").append(tone).append("\">\n<h2>")
                .append(Html.escape(summary.headline())).append("</h2>\n");
        if (!summary.counts().isEmpty()) {
            head.append("<ul class=\"counts\">");
            for (Count count : summary.counts()) {
                head.append("<li class=\"count").append(count.alarming() && count.value() > 0 ? " alarming" : "").append("\">");
                String open = count.target().isEmpty() ? "<span class=\"figure\">"
                        : "<a class=\"figure\" href=\"" + Html.escape(count.target()) + "\">";
                head.append(open).append("<span class=\"value\">").append(count.value()).append("</span> <span class=\"label\">")
                        .append(Html.escape(count.label())).append("</span>");
                if (!count.detail().isEmpty()) {
                    head.append(" <span class=\"detail\">").append(Html.escape(count.detail())).append("</span>");
                }
                head.append(count.target().isEmpty() ? "</span>" : "</a>").append("</li>");
            }
            head.append("</ul>\n");
        }
        for (Listing listing : summary.listings()) {
            head.append("<div class=\"listing\"><h3>").append(Html.escape(listing.title())).append(" <span class=\"n\">(")
                    .append(listing.items().size()).append(")</span></h3>");
            if (listing.items().isEmpty()) {
                head.append("<p class=\"none\">").append(Html.escape(listing.whenEmpty())).append("</p>");
            } else {
                head.append("<ul>");
                listing.items().forEach(item -> head.append("<li>").append(item).append("</li>"));
                head.append("</ul>");
            }
            head.append("</div>\n");
        }
        head.append("</section>\n");
        return this;
    }

    /**
     * Starts a section; the previous one ends.
     *
     * @param id      the section's id, for links such as {@code #invariants}
     * @param heading its heading
     * @return this page
     */
    public HtmlPage section(String id, String heading) {
        closeSection();
        body.append("<section id=\"").append(Html.escape(id)).append("\">\n<h2>").append(Html.escape(heading))
                .append("</h2>\n<p class=\"filter-note\" hidden></p>\n");
        inSection = true;
        return this;
    }

    /**
     * Adds a paragraph of secondary text to the current section.
     *
     * @param paragraph the paragraph
     * @return this page
     */
    public HtmlPage intro(HtmlFragment paragraph) {
        requireSection("an intro");
        closeCards();
        body.append("<p class=\"meta\">").append(paragraph).append("</p>\n");
        return this;
    }

    /**
     * Adds a boxed notice to the current section, such as the problems that kept a liability map from being built.
     *
     * @param tone    {@link Tone#FAIL} for a problem, {@link Tone#NEUTRAL} for information
     * @param content the notice
     * @return this page
     */
    public HtmlPage notice(Tone tone, HtmlFragment content) {
        requireSection("a notice");
        closeCards();
        body.append("<div class=\"notice ").append(tone.name().toLowerCase(Locale.ROOT)).append("\">").append(content)
                .append("</div>\n");
        return this;
    }

    /**
     * Adds a card, such as a liability zone, to the current section; consecutive cards are filtered and sorted
     * together.
     *
     * @param facets  what it is filtered and sorted by
     * @param anchor  its id, for links
     * @param tier    the tier whose colour marks its edge ({@code REGULATORY}, {@code FINANCIAL},
     *                {@code REPUTATIONAL} or {@code NONE})
     * @param heading its heading
     * @param content its content
     * @return this page
     */
    public HtmlPage card(Facets facets, String anchor, String tier, HtmlFragment heading, HtmlFragment content) {
        requireSection("a card");
        if (!inCards) {
            body.append("<div class=\"cards\">\n");
            inCards = true;
        }
        body.append("<article class=\"card item ").append(HtmlFragment.tierClass(tier)).append(' ')
                .append(statusClass(facets.status())).append("\" id=\"")
                .append(Html.escape(anchor)).append('"').append(facetAttributes(facets)).append(">\n<h3>").append(heading)
                .append("</h3>\n").append(content).append("\n</article>\n");
        return this;
    }

    /**
     * Adds a table to the current section.
     *
     * @param table the table
     * @return this page
     */
    public HtmlPage table(Table table) {
        requireSection("a table");
        closeCards();
        body.append("<table class=\"stack\">\n<thead><tr>");
        for (String column : table.columns) {
            body.append("<th").append(table.numeric.contains(column) ? " class=\"num\"" : "").append(" scope=\"col\">")
                    .append(Html.escape(column)).append("</th>");
        }
        body.append("</tr></thead>\n");
        boolean plainOpen = false;
        for (Row row : table.rows) {
            if (row.facets == null && row.detail == null) {
                if (!plainOpen) {
                    body.append("<tbody>\n");
                    plainOpen = true;
                }
            } else {
                if (plainOpen) {
                    body.append("</tbody>\n");
                    plainOpen = false;
                }
                body.append("<tbody").append(row.facets == null ? "" : " class=\"item " + statusClass(row.facets.status())
                        + '"' + facetAttributes(row.facets)).append(">\n");
            }
            body.append("<tr").append(row.anchor == null ? "" : " id=\"" + Html.escape(row.anchor) + "\"").append('>');
            for (int i = 0; i < row.cells.size(); i++) {
                String column = table.columns.get(i);
                body.append("<td data-label=\"").append(Html.escape(column)).append('"')
                        .append(table.numeric.contains(column) ? " class=\"num\"" : "").append('>').append(row.cells.get(i))
                        .append("</td>");
            }
            body.append("</tr>\n");
            if (row.detail != null) {
                body.append("<tr class=\"detail\"><td colspan=\"").append(table.columns.size()).append("\">").append(row.detail)
                        .append("</td></tr>\n");
            }
            if (row.facets != null || row.detail != null) {
                body.append("</tbody>\n");
            }
        }
        if (plainOpen) {
            body.append("</tbody>\n");
        }
        body.append("</table>\n");
        return this;
    }

    /**
     * Adds a folded section at the end of the page, such as how the gate judges.
     *
     * @param id      the section's id
     * @param heading its heading, shown while folded
     * @param content what unfolds
     * @return this page
     */
    public HtmlPage folded(String id, String heading, HtmlFragment content) {
        closeSection();
        body.append("<section id=\"").append(Html.escape(id)).append("\" class=\"folded\"><details><summary>")
                .append(Html.escape(heading)).append("</summary>\n").append(content).append("\n</details></section>\n");
        return this;
    }

    /**
     * Writes the page.
     *
     * @return the HTML document
     */
    public String render() {
        closeSection();
        StringBuilder page = new StringBuilder(head.length() + body.length() + 8192);
        page.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>")
                .append(Html.escape(title)).append("</title>\n<style>\n").append(Html.stylesheet()).append("</style>\n</head>\n")
                .append("<body>\n<main>\n").append(head);
        if (entries > 0) {
            appendFilterBar(page);
        }
        page.append(body).append("</main>\n");
        if (entries > 0) {
            page.append("<script>\n").append(SCRIPT).append("</script>\n");
        }
        return page.append("</body>\n</html>\n").toString();
    }

    private void appendFilterBar(StringBuilder page) {
        page.append("<nav id=\"filters\" class=\"filters\" aria-label=\"Filter and sort\" hidden>\n");
        appendSelect(page, "zone", "Zone", "every zone", zones.stream().map(zone -> new String[] {zone, zone}).toList());
        appendSelect(page, "tier", "Tier", "every tier", tiers.stream()
                .map(tier -> new String[] {tier, tier.equals("NONE") ? "no tier" : tier}).toList());
        appendSelect(page, "status", "Status", "every status", statuses.stream()
                .map(status -> new String[] {status.label(), status.label()}).toList());
        page.append("<label>Sort by <select name=\"sort\"><option value=\"\">page order</option>"
                + "<option value=\"zone\">zone</option><option value=\"tier\">tier</option>"
                + "<option value=\"status\">status</option><option value=\"name\">name</option></select></label>\n")
                .append("<button type=\"button\" name=\"reset\">Show all</button>\n")
                .append("<output name=\"shown\" aria-live=\"polite\"></output>\n</nav>\n");
    }

    private static void appendSelect(StringBuilder page, String name, String label, String all, List<String[]> options) {
        page.append("<label>").append(label).append(" <select name=\"").append(name).append("\"><option value=\"\">")
                .append(all).append("</option>");
        for (String[] option : options) {
            page.append("<option value=\"").append(Html.escape(option[0])).append("\">").append(Html.escape(option[1]))
                    .append("</option>");
        }
        page.append("</select></label>\n");
    }

    private String facetAttributes(Facets facets) {
        zones.addAll(facets.zones());
        tiers.addAll(facets.tiers());
        statuses.add(facets.status());
        int tierRank = facets.tiers().stream().mapToInt(HtmlFragment::tierRank).min().orElse(9);
        // zone names are free text, so they are written as a JSON array
        String zoneList = "[" + String.join(",", facets.zones().stream().map(Json::quote).toList()) + "]";
        return " data-name=\"" + Html.escape(facets.name()) + "\" data-zones=\"" + Html.escape(zoneList)
                + "\" data-tiers=\"" + String.join(" ", facets.tiers()) + "\" data-tier-rank=\"" + tierRank
                + "\" data-status=\"" + facets.status().label() + "\" data-status-rank=\"" + facets.status().ordinal()
                + "\" data-order=\"" + entries++ + '"';
    }

    static String statusClass(Status status) {
        return status.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    private void closeCards() {
        if (inCards) {
            body.append("</div>\n");
            inCards = false;
        }
    }

    private void closeSection() {
        closeCards();
        if (inSection) {
            body.append("</section>\n");
            inSection = false;
        }
    }

    private void requireSection(String what) {
        if (!inSection) {
            throw new IllegalStateException("Start a section before adding " + what);
        }
    }

    private void requireNoSection(String what) {
        if (inSection || body.length() > 0) {
            throw new IllegalStateException("The " + what + " comes before every section");
        }
    }

    /**
     * Filters and sorts the entries of every section. Without it the page shows every entry in page order, and
     * the bar stays hidden.
     */
    private static final String SCRIPT = """
            (function () {
              var bar = document.getElementById('filters');
              if (!bar) { return; }
              var items = Array.prototype.slice.call(document.querySelectorAll('.item'));
              var field = function (name) { return bar.querySelector('[name="' + name + '"]'); };
              var has = function (list, value) { return (' ' + list + ' ').indexOf(' ' + value + ' ') >= 0; };
              var zonesOf = function (item) { return JSON.parse(item.dataset.zones || '[]'); };
              var keys = {
                zone: function (item) { return zonesOf(item)[0] || '\\uffff'; },
                tier: function (item) { return Number(item.dataset.tierRank); },
                status: function (item) { return Number(item.dataset.statusRank); },
                name: function (item) { return item.dataset.name.toLowerCase(); }
              };
              var compare = function (key) {
                return function (a, b) {
                  var x = key ? keys[key](a) : 0, y = key ? keys[key](b) : 0;
                  if (x < y) { return -1; }
                  if (x > y) { return 1; }
                  return Number(a.dataset.order) - Number(b.dataset.order);
                };
              };
              var apply = function () {
                var zone = field('zone').value, tier = field('tier').value, status = field('status').value;
                var shown = 0, containers = [];
                items.forEach(function (item) {
                  var visible = (!zone || zonesOf(item).indexOf(zone) >= 0) && (!tier || has(item.dataset.tiers, tier))
                      && (!status || item.dataset.status === status);
                  item.hidden = !visible;
                  if (visible) { shown++; }
                  if (containers.indexOf(item.parentNode) < 0) { containers.push(item.parentNode); }
                });
                containers.forEach(function (container) {
                  items.filter(function (item) { return item.parentNode === container; })
                      .sort(compare(field('sort').value))
                      .forEach(function (item) { container.appendChild(item); });
                });
                Array.prototype.forEach.call(document.querySelectorAll('section'), function (section) {
                  var note = section.querySelector('.filter-note');
                  var own = items.filter(function (item) { return section.contains(item); });
                  if (!note || own.length === 0) { return; }
                  var visible = own.filter(function (item) { return !item.hidden; }).length;
                  note.hidden = visible === own.length;
                  note.textContent = visible === 0 ? 'No entry here matches the filters.'
                      : visible + ' of ' + own.length + ' entries match the filters.';
                });
                field('shown').value = shown + ' of ' + items.length + ' entries shown';
              };
              bar.addEventListener('change', apply);
              field('reset').addEventListener('click', function () {
                ['zone', 'tier', 'status', 'sort'].forEach(function (name) { field(name).value = ''; });
                apply();
              });
              bar.hidden = false;
              apply();
            })();
            """;
}
