package dev.complianceharness.report;

import static org.apiguardian.api.API.Status.INTERNAL;

import org.apiguardian.api.API;

/**
 * The harness's one HTML escaper and stylesheet, shared by the compliance report, the aggregate report and
 * the audit through {@link HtmlPage}, so that every page escapes alike and looks alike. The stylesheet lays a
 * page out for screens from 390 px wide (tables stack their cells, long names wrap) to desktop widths.
 */
@API(status = INTERNAL, since = "0.1.0")
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
            * { box-sizing: border-box; }
            [hidden] { display: none !important; }
            html { -webkit-text-size-adjust: 100%; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; margin: 0; color: #1d2329; background: #fff; }
            main { max-width: 78rem; margin: 0 auto; padding: 1.5rem 2rem 3rem; }
            h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
            h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; }
            h3 { font-size: 1.05rem; margin: 0 0 .35rem; }
            p, li, summary, h1, h2, h3, q { overflow-wrap: anywhere; }
            td { overflow-wrap: anywhere; min-width: 4rem; }
            code { overflow-wrap: break-word; }
            a { color: #1f4f9e; }
            code { font-size: .9em; }
            small, .meta, .legend { color: #5b6570; }
            .meta { margin: 0 0 1rem; }
            ul { padding-left: 1.25rem; margin: .25rem 0; }
            table { border-collapse: collapse; width: 100%; }
            th, td { text-align: left; vertical-align: top; padding: .45rem .6rem; border-bottom: 1px solid #e3e7eb; }
            th { background: #f4f6f8; font-weight: 600; }
            th.num, td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; min-width: 0; }
            tbody.item { border-left: 4px solid #2e7d32; }
            tbody.item.failed, tbody.item.errored, tbody.item.unfinished { border-left-color: #c62828; }
            tbody.item.warning, tbody.item.aborted, tbody.item.unguarded, tbody.item.no-owner { border-left-color: #b26a00; }
            tbody.item.owned { border-left-color: #8a939c; }
            tr.detail > td { background: #fafbfc; }
            .tier { display: inline-block; padding: .05rem .45rem; border-radius: .3rem; font-size: .78rem; font-weight: 600;
                    white-space: nowrap; vertical-align: baseline; }
            .tier.regulatory { background: #fde2e1; color: #8e1b17; }
            .tier.financial { background: #fff1d6; color: #7a4b00; }
            .tier.reputational { background: #e3ecfb; color: #1f4788; }
            .tier.none { background: #eceff1; color: #3c454d; }
            .status-label { font-weight: 600; white-space: nowrap; }
            .status-label.failed, .status-label.errored, .status-label.unfinished { color: #b71c1c; }
            .status-label.unguarded, .status-label.aborted, .status-label.warning, .status-label.no-owner { color: #8a5300; }
            .status-label.passed, .status-label.owned { color: #2e7d32; }
            .summary { padding: .75rem 1rem 1rem; border-radius: .5rem; margin: 1rem 0 1.25rem; border: 1px solid #cfd6dd; background: #f7f9fa; }
            .summary.pass { background: #e8f5e9; border-color: #2e7d32; }
            .summary.fail { background: #fdecea; border-color: #c62828; }
            .summary h2 { margin: 0 0 .6rem; font-size: 1.4rem; }
            .summary h3 { font-size: .95rem; margin: .75rem 0 .2rem; }
            .summary .n { color: #5b6570; font-weight: 400; }
            .summary .none { margin: 0; color: #5b6570; }
            .counts { list-style: none; padding: 0; margin: 0; display: grid; gap: .5rem;
                      grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); }
            .count .figure { display: block; height: 100%; padding: .45rem .6rem; border-radius: .4rem; background: #fff;
                             border: 1px solid #dde3e8; color: inherit; text-decoration: none; }
            .count .value { display: block; font-size: 1.35rem; font-weight: 700; font-variant-numeric: tabular-nums; }
            .count .label { font-weight: 600; }
            .count .detail { display: block; color: #5b6570; font-size: .85rem; }
            .count.alarming .figure { border-color: #c62828; }
            .count.alarming .value { color: #b71c1c; }
            .filters { position: sticky; top: 0; z-index: 1; display: flex; flex-wrap: wrap; gap: .4rem .9rem; align-items: center;
                       padding: .5rem .75rem; margin: 0 0 1rem; background: #f4f6f8; border: 1px solid #dde3e8; border-radius: .4rem; }
            .filters label { display: flex; gap: .35rem; align-items: center; font-weight: 600; min-width: 0; max-width: 100%; }
            .filters select { max-width: 16rem; min-width: 0; font: inherit; font-weight: 400; }
            .filters output { color: #5b6570; }
            .filter-note { color: #5b6570; font-style: italic; }
            .notice { border-radius: .4rem; padding: .5rem 1rem; margin: 0 0 1rem; border: 1px solid #cfd6dd; }
            .notice.fail { background: #fdecea; border-color: #c62828; }
            .notice.neutral { background: #f7f9fa; }
            .cards { display: block; }
            .card { border: 1px solid #e3e7eb; border-left-width: 6px; border-radius: .4rem; padding: .75rem 1rem; margin: 0 0 1rem; }
            .card.regulatory { border-left-color: #c62828; }
            .card.financial { border-left-color: #ef8f00; }
            .card.reputational { border-left-color: #3a6fd8; }
            .card.none { border-left-color: #8a939c; }
            .card.unguarded { background: #fff8e1; }
            .card.failed, .card.errored { background: #fff5f5; }
            .card table { margin-top: .5rem; }
            .zone-ref { white-space: normal; }
            a:has(> .zone-ref) { text-decoration: none; }
            a > .zone-ref code { text-decoration: underline; }
            .flag { color: #8e1b17; }
            q.output { display: block; quotes: none; font-family: ui-monospace, "SFMono-Regular", Menlo, Consolas, monospace;
                       font-size: .85em; white-space: pre-wrap; background: #f4f6f8; border-left: 3px solid #b0bac3;
                       padding: .3rem .5rem; margin: .25rem 0; }
            .finding { margin: .35rem 0; }
            details summary { cursor: pointer; color: #5b6570; }
            section.folded { margin-top: 2rem; }
            @media (max-width: 1000px) {
              main { padding: 1rem .75rem 2rem; }
              h1 { font-size: 1.35rem; }
              table.stack, table.stack tbody, table.stack tr, table.stack td { display: block; width: 100%; }
              table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
              table.stack tr { border-bottom: 1px solid #cfd6dd; padding: .35rem 0; }
              table.stack td { border: 0; padding: .15rem .5rem; min-width: 0; white-space: normal; }
              table.stack td.num { text-align: left; }
              table.stack td[data-label]::before { content: attr(data-label) ": "; font-weight: 600; color: #5b6570; }
              .filters { position: static; }
              .filters label { flex: 1 1 100%; justify-content: space-between; }
              .filters select { max-width: 65%; flex: 1 1 auto; }
              .counts { grid-template-columns: repeat(2, minmax(0, 1fr)); }
            }
            """;
}
