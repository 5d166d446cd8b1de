package dev.complianceharness.report;

/**
 * The harness's one HTML escaper and stylesheet, shared by the compliance report, the aggregate report and
 * the audit, so that every page escapes alike and looks alike.
 */
public final class Html {

    private Html() {
    }

    /**
     * Escapes text for HTML element content and quoted attribute values.
     *
     * @param text the text
     * @return the text with {@code < > & " '} escaped
     */
    public static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** @return the stylesheet of every page the harness writes */
    public static String stylesheet() {
        return STYLE;
    }

    private static final String STYLE = """
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 2rem; color: #1d2329; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
            h3 { font-size: 1.05rem; margin: 0 0 .35rem; }
            .meta { color: #5b6570; margin: 0 0 1.5rem; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #e3e7eb; }
            th { background: #f4f6f8; font-weight: 600; }
            td.num { text-align: right; font-variant-numeric: tabular-nums; }
            tr.failed td:first-child { border-left: 4px solid #c62828; }
            tr.passed td:first-child { border-left: 4px solid #2e7d32; }
            tr.violation td { background: #fff5f5; border-left: 4px solid #c62828; }
            tr.warning td { background: #fffbea; }
            tr.warning td:first-child { border-left: 4px solid #b26a00; }
            .tier { display: inline-block; padding: .1rem .45rem; border-radius: .3rem; font-size: .8rem; font-weight: 600; }
            .tier.regulatory { background: #fde2e1; color: #8e1b17; }
            .tier.financial { background: #fff1d6; color: #7a4b00; }
            .tier.reputational { background: #e3ecfb; color: #1f4788; }
            .gate { padding: .75rem 1rem; border-radius: .4rem; }
            .gate.pass { background: #e8f5e9; border: 1px solid #2e7d32; }
            .gate.fail { background: #fdecea; border: 1px solid #c62828; }
            .gate h2 { margin-top: 0; }
            .zone { border: 1px solid #e3e7eb; border-left-width: 6px; border-radius: .4rem; padding: .75rem 1rem; margin: 0 0 1rem; }
            .zone.regulatory { border-left-color: #c62828; }
            .zone.financial { border-left-color: #ef8f00; }
            .zone.reputational { border-left-color: #3a6fd8; }
            .zone.unguarded { background: #fff8e1; }
            .zone.failing { background: #fff5f5; }
            .zone .status { font-weight: 400; color: #5b6570; font-size: .9rem; }
            .unguarded-flag { color: #8e1b17; }
            .map-problems { background: #fdecea; border: 1px solid #c62828; border-radius: .4rem; padding: .5rem 1rem; }
            .legend { color: #5b6570; }
            table.rubric { margin-top: .5rem; }
            code { font-size: .9em; }
            small { color: #5b6570; }
            details summary { cursor: pointer; color: #5b6570; }
            """;
}
