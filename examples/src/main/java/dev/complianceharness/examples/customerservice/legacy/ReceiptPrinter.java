package dev.complianceharness.examples.customerservice.legacy;

/** The legacy till integration: prints a receipt line to standard output, where the till software reads it. */
public final class ReceiptPrinter {

    private ReceiptPrinter() {
    }

    /**
     * Prints a receipt with the full card number, as the till expects.
     *
     * @param card  the card number
     * @param cents the amount
     */
    public static void print(String card, long cents) {
        System.out.println("RECEIPT " + cents + " cents, card " + card);
    }
}
