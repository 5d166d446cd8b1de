/** Legacy code of the example desk, kept to show a leak through a record's generated toString(). */
package dev.complianceharness.examples.customerservice.legacy;
