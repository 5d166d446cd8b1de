/** Legacy code of the example desk, kept to show leaks through a record's generated toString() and a receipt printed to standard output. */
package dev.complianceharness.examples.customerservice.legacy;
