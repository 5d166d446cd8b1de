package dev.complianceharness.invariant;

import static org.apiguardian.api.API.Status.STABLE;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import org.apiguardian.api.API;

/**
 * The law, rule or standard an invariant enforces, with its provenance: the citation a counsel can
 * look up, the jurisdiction, the source, the dates it is in effect and how sure its author is.
 *
 * <pre>{@code
 * Regulation tcpaQuietHours = Regulation.builder("us-tcpa-calling-hours")
 *         .title("TCPA calling hours")
 *         .citation("47 CFR 64.1200(c)(1)")
 *         .jurisdiction("US")
 *         .source("https://www.ecfr.gov/current/title-47/section-64.1200")
 *         .effectiveFrom(LocalDate.of(1992, 12, 20))
 *         .confidence(Confidence.HIGH)
 *         .build();
 * }</pre>
 */
@API(status = STABLE, since = "0.1.0")
public final class Regulation {

    private static final Pattern ID = Pattern.compile("[a-z0-9]+(?:[.-][a-z0-9]+)*");

    private final String id;
    private final String title;
    private final String citation;
    private final Jurisdiction jurisdiction;
    private final URI source;
    private final LocalDate effectiveFrom;
    private final LocalDate effectiveTo;
    private final Confidence confidence;
    private final String missingSourceReason;

    private Regulation(Builder builder) {
        this.id = builder.id;
        this.title = builder.title == null ? builder.citation : builder.title;
        this.citation = builder.citation;
        this.jurisdiction = builder.jurisdiction;
        this.source = builder.source;
        this.effectiveFrom = builder.effectiveFrom;
        this.effectiveTo = builder.effectiveTo;
        this.confidence = builder.confidence;
        this.missingSourceReason = builder.missingSourceReason;
    }

    /**
     * Starts a regulation.
     *
     * @param id a stable identifier in lower case with dots or dashes, for example {@code "us-fl-501.616"}
     * @return a builder
     */
    public static Builder builder(String id) {
        return new Builder(id);
    }

    /** @return the stable identifier */
    public String id() {
        return id;
    }

    /** @return a short human title; the citation when none was given */
    public String title() {
        return title;
    }

    /** @return the citation a counsel can look up, for example {@code "Fla. Stat. 501.616(6)"} */
    public String citation() {
        return citation;
    }

    /** @return where the regulation applies */
    public Jurisdiction jurisdiction() {
        return jurisdiction;
    }

    /** @return where the text can be read, if known */
    public Optional<URI> source() {
        return Optional.ofNullable(source);
    }

    /** @return the first day the regulation is in effect, if known */
    public Optional<LocalDate> effectiveFrom() {
        return Optional.ofNullable(effectiveFrom);
    }

    /** @return the last day the regulation is in effect, if it has been repealed or sunsets */
    public Optional<LocalDate> effectiveTo() {
        return Optional.ofNullable(effectiveTo);
    }

    /** @return how sure the author is that the regulation is stated correctly */
    public Confidence confidence() {
        return confidence;
    }

    /**
     * Why the regulation has no source URL, when its author could not find one a reviewer can open.
     *
     * @return the reason given to {@link Builder#withoutSource(String)}; empty if none was given
     */
    public Optional<String> missingSourceReason() {
        return Optional.ofNullable(missingSourceReason);
    }

    /**
     * Whether the regulation is in effect on a day; a regulation with unknown dates is taken to be in
     * effect (fail closed).
     *
     * @param day the day, in the jurisdiction's calendar
     * @return true unless the day is before {@link #effectiveFrom()} or after {@link #effectiveTo()}
     */
    public boolean isInEffectOn(LocalDate day) {
        return (effectiveFrom == null || !day.isBefore(effectiveFrom))
                && (effectiveTo == null || !day.isAfter(effectiveTo));
    }

    /**
     * A one-line description for messages and reports.
     *
     * @return for example {@code "47 CFR 64.1200(c)(1) [US, high confidence]"}
     */
    public String describe() {
        return citation + " [" + jurisdiction + ", " + confidence.name().toLowerCase(java.util.Locale.ROOT)
                + " confidence]";
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Regulation that && id.equals(that.id) && citation.equals(that.citation)
                && jurisdiction.equals(that.jurisdiction) && Objects.equals(source, that.source)
                && Objects.equals(effectiveFrom, that.effectiveFrom) && Objects.equals(effectiveTo, that.effectiveTo)
                && confidence == that.confidence && title.equals(that.title)
                && Objects.equals(missingSourceReason, that.missingSourceReason);
    }

    @Override
    public int hashCode() {
        return Objects.hash(id, citation, jurisdiction);
    }

    @Override
    public String toString() {
        return "Regulation[" + id + ": " + describe() + "]";
    }

    /** Builds a {@link Regulation}; {@link #build()} says what is missing or wrong. */
    public static final class Builder {
        private final String id;
        private String title;
        private String citation;
        private Jurisdiction jurisdiction;
        private URI source;
        private LocalDate effectiveFrom;
        private LocalDate effectiveTo;
        private Confidence confidence = Confidence.UNCERTAIN;
        private String missingSourceReason;

        private Builder(String id) {
            this.id = Objects.requireNonNull(id, "regulation id");
        }

        /**
         * @param title a short human title
         * @return this builder
         */
        public Builder title(String title) {
            this.title = Objects.requireNonNull(title, "title");
            return this;
        }

        /**
         * @param citation the citation a counsel can look up; required
         * @return this builder
         */
        public Builder citation(String citation) {
            this.citation = Objects.requireNonNull(citation, "citation");
            return this;
        }

        /**
         * @param isoCode an ISO 3166-1 alpha-2 or ISO 3166-2 code; required
         * @return this builder
         */
        public Builder jurisdiction(String isoCode) {
            this.jurisdiction = Jurisdiction.of(isoCode);
            return this;
        }

        /**
         * @param jurisdiction where the regulation applies; required
         * @return this builder
         */
        public Builder jurisdiction(Jurisdiction jurisdiction) {
            this.jurisdiction = Objects.requireNonNull(jurisdiction, "jurisdiction");
            return this;
        }

        /**
         * @param url an absolute http or https URL where the text can be read
         * @return this builder
         */
        public Builder source(String url) {
            Objects.requireNonNull(url, "source url");
            try {
                URI uri = new URI(url);
                if (!"https".equals(uri.getScheme()) && !"http".equals(uri.getScheme())) {
                    throw new IllegalArgumentException("Regulation '" + id + "' has source '" + url
                            + "': expected an absolute http or https URL");
                }
                this.source = uri;
            } catch (URISyntaxException e) {
                throw new IllegalArgumentException("Regulation '" + id + "' has a malformed source URL '" + url
                        + "': " + e.getReason(), e);
            }
            return this;
        }

        /**
         * Says why the regulation has no source URL: no official text could be found. A regulation without a
         * source may not claim {@link Confidence#HIGH high} confidence; the module testkit's
         * {@code isWellFormed()} accepts it only with a reason.
         *
         * @param reason what was looked for and where, for a reviewer, not blank
         * @return this builder
         */
        public Builder withoutSource(String reason) {
            Objects.requireNonNull(reason, "reason");
            if (reason.isBlank()) {
                throw new IllegalArgumentException("Regulation '" + id + "': withoutSource(...) needs the reason no"
                        + " source URL could be given");
            }
            this.missingSourceReason = reason.strip();
            return this;
        }

        /**
         * @param day the first day in effect
         * @return this builder
         */
        public Builder effectiveFrom(LocalDate day) {
            this.effectiveFrom = Objects.requireNonNull(day, "effectiveFrom");
            return this;
        }

        /**
         * @param day the last day in effect
         * @return this builder
         */
        public Builder effectiveTo(LocalDate day) {
            this.effectiveTo = Objects.requireNonNull(day, "effectiveTo");
            return this;
        }

        /**
         * @param confidence how sure the author is; {@link Confidence#UNCERTAIN} unless set
         * @return this builder
         */
        public Builder confidence(Confidence confidence) {
            this.confidence = Objects.requireNonNull(confidence, "confidence");
            return this;
        }

        /**
         * Builds the regulation.
         *
         * @return the regulation
         * @throws IllegalArgumentException naming the regulation and what is missing or inconsistent
         */
        public Regulation build() {
            if (!ID.matcher(id).matches()) {
                throw new IllegalArgumentException("Regulation id '" + id
                        + "' must be lower-case letters and digits separated by dots or dashes, such as \"us-fl-501.616\"");
            }
            if (citation == null || citation.isBlank()) {
                throw new IllegalArgumentException("Regulation '" + id
                        + "' has no citation: add .citation(...) with the statute or rule a counsel can look up");
            }
            if (jurisdiction == null) {
                throw new IllegalArgumentException("Regulation '" + id
                        + "' has no jurisdiction: add .jurisdiction(\"US\") or an ISO 3166-2 code such as \"US-FL\"");
            }
            if (source != null && missingSourceReason != null) {
                throw new IllegalArgumentException("Regulation '" + id + "' has a source URL and also a reason why it"
                        + " has none: keep one of the two");
            }
            if (missingSourceReason != null && confidence == Confidence.HIGH) {
                throw new IllegalArgumentException("Regulation '" + id + "' has no source URL but claims high"
                        + " confidence: a reviewer cannot check it, so lower the confidence to medium or uncertain");
            }
            if (effectiveFrom != null && effectiveTo != null && effectiveTo.isBefore(effectiveFrom)) {
                throw new IllegalArgumentException("Regulation '" + id + "' ends (" + effectiveTo
                        + ") before it starts (" + effectiveFrom + ")");
            }
            return new Regulation(this);
        }
    }
}
