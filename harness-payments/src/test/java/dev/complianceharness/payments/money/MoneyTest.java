package dev.complianceharness.payments.money;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Currency;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@DisplayName("Money in minor units")
class MoneyTest {

    @Nested
    @DisplayName("as an amount")
    class Amounts {

        @Test
        @DisplayName("adds and compares within one currency")
        void arithmetic() {
            assertThat(Money.of(1050, "USD").plus(Money.of(50, "USD"))).isEqualTo(Money.of(1100, "USD"));
            assertThat(Money.of(1050, "USD").isGreaterThan(Money.of(1049, "USD"))).isTrue();
            assertThat(Money.of(1050, "USD")).hasToString("1050 USD minor");
        }

        @Test
        @DisplayName("refuses to mix currencies")
        void mismatch() {
            assertThatThrownBy(() -> Money.of(1000, "USD").plus(Money.of(1000, "JPY")))
                    .isInstanceOf(CurrencyMismatchException.class)
                    .hasMessage("Cannot add 1000 USD minor and 1000 JPY minor: the currencies differ (USD and JPY)");
        }

        @Test
        @DisplayName("names an unknown currency code")
        void unknownCurrency() {
            assertThatThrownBy(() -> Money.of(1, "XYZ"))
                    .hasMessage("Unknown currency 'XYZ': expected an ISO 4217 code such as \"USD\", \"JPY\" or \"KWD\"");
        }

        @Test
        @DisplayName("refuses to overflow")
        void overflow() {
            assertThatThrownBy(() -> Money.of(Long.MAX_VALUE, "USD").plus(Money.of(1, "USD")))
                    .isInstanceOf(ArithmeticException.class);
        }
    }

    @Nested
    @DisplayName("under ISO 4217")
    class Iso {

        @ParameterizedTest(name = "{0} has {1} decimals")
        @CsvSource({"USD,2", "JPY,0", "KRW,0", "BHD,3", "KWD,3", "JOD,3", "TND,3", "ISK,0", "CLF,4"})
        @DisplayName("takes the JDK's fraction digits")
        void fractionDigits(String code, int digits) {
            assertThat(MinorUnitRules.iso4217().fractionDigits(Currency.getInstance(code))).hasValue(digits);
        }

        @Test
        @DisplayName("cannot charge currencies without a minor unit (gold, SDR)")
        void noMinorUnit() {
            assertThat(MinorUnitRules.iso4217().violation(Money.of(100, "XAU")))
                    .hasValue("XAU has no minor unit in ISO 4217, so no amount in it can be charged");
            assertThatThrownBy(() -> MinorUnitRules.iso4217().toMinorUnits(BigDecimal.ONE, "XDR"))
                    .hasMessageContaining("XDR has no minor unit in ISO 4217");
        }

        @Test
        @DisplayName("converts decimals exactly, and refuses yen with cents")
        void conversion() {
            assertThat(MinorUnitRules.iso4217().toMinorUnits(new BigDecimal("10.50"), "USD")).isEqualTo(Money.of(1050, "USD"));
            assertThat(MinorUnitRules.iso4217().toMinorUnits(new BigDecimal("1000"), "JPY")).isEqualTo(Money.of(1000, "JPY"));
            assertThat(MinorUnitRules.iso4217().toMajorUnits(Money.of(1005, "KWD"))).isEqualByComparingTo("1.005");
            assertThatThrownBy(() -> MinorUnitRules.iso4217().toMinorUnits(new BigDecimal("10.5"), "JPY"))
                    .hasMessageStartingWith("10.5 JPY has more decimals than the 0 of JPY's minor unit in ISO 4217");
        }

        @Test
        @DisplayName("rejects amounts that are not positive")
        void notPositive() {
            assertThat(MinorUnitRules.iso4217().violation(Money.of(0, "USD"))).hasValue("0 USD minor is not a positive amount");
        }
    }

    @Nested
    @DisplayName("under provider tables")
    class Providers {

        @Test
        @DisplayName("Stripe and Checkout.com accept three-decimal amounts only ending in 0")
        void threeDecimal() {
            assertThat(MinorUnitRules.stripe().violation(Money.of(1005, "KWD")))
                    .hasValue("1005 KWD minor is not a multiple of 10 minor units, as Stripe requires for KWD");
            assertThat(MinorUnitRules.checkoutCom().violation(Money.of(1230, "BHD"))).isEmpty();
            assertThat(MinorUnitRules.iso4217().violation(Money.of(1005, "KWD"))).isEmpty();
        }

        @Test
        @DisplayName("Stripe carries ISK with two decimals, in multiples of 100")
        void iceland() {
            Currency isk = Currency.getInstance("ISK");

            assertThat(MinorUnitRules.stripe().fractionDigits(isk)).hasValue(2);
            assertThat(MinorUnitRules.stripe().toMinorUnits(new BigDecimal("100"), "ISK")).isEqualTo(Money.of(10000, "ISK"));
            assertThat(MinorUnitRules.stripe().violation(Money.of(10050, "ISK")))
                    .hasValue("10050 ISK minor is not a multiple of 100 minor units, as Stripe requires for ISK");
        }

        @Test
        @DisplayName("a team's table extends another and checks its values")
        void custom() {
            MinorUnitRules acme = MinorUnitRules.builder("acme-psp").basedOn(MinorUnitRules.stripe()).currency("HUF", 2, 100).build();

            assertThat(acme.multipleOf(Currency.getInstance("HUF"))).isEqualTo(100);
            assertThat(acme.multipleOf(Currency.getInstance("KWD"))).isEqualTo(10);
            assertThatThrownBy(() -> MinorUnitRules.builder("acme").currency("USD", 2, 0))
                    .hasMessage("Minor-unit rule for USD in acme requires multiples of 0: expected 1 or more");
        }
    }
}
