/** Output formats shared by every page and file the harness writes: one JSON writer, one HTML escaper and one HTML renderer. */
package dev.complianceharness.report;
